/// An article's history as W3C PROV-JSON: each revision an entity (`article:x/revision/n`, specializing the
/// article), `wasRevisionOf` the one before it (in PROV-JSON a `wasDerivedFrom` of type `prov:Revision`),
/// `wasGeneratedBy` the write (an activity at its time; a delete invalidates the last revision instead),
/// `wasAttributedTo` the token that made it, a `prov:Agent`.
enum RevisionPROV {
    static func document(article: String, revisions: [Change]) -> JSON {
        var entities: [(String, JSON)] = []
        var activities: [(String, JSON)] = []
        var agents: [(String, JSON)] = []
        var generations: [(String, JSON)] = []
        var invalidations: [(String, JSON)] = []
        var attributions: [(String, JSON)] = []
        var associations: [(String, JSON)] = []
        var derivations: [(String, JSON)] = []
        var specializations: [(String, JSON)] = []
        var relations = 0
        func relation() -> String {
            relations += 1
            return "_:id\(relations)"
        }
        let articleName = PROVVocabulary.article(article)
        entities.append((articleName, .object([("prov:type", PROVVocabulary.qualifiedName("attr:Article"))])))
        var previous: String?
        for change in revisions {
            let number = change.revision ?? 0
            let activity = "attr:change/\(change.seq)"
            let agent = change.actor.map { "attr:actor/\($0)" }
            activities.append((activity, .object([("prov:type", PROVVocabulary.qualifiedName("attr:\(change.action.rawValue)")),
                                                  ("prov:startTime", .string(change.time)), ("prov:endTime", .string(change.time)),
                                                  ("attr:seq", .int(Int(change.seq)))])))
            if let agent, !agents.contains(where: { $0.0 == agent }) {
                agents.append((agent, .object([("prov:type", PROVVocabulary.qualifiedName("prov:Agent")),
                                               ("prov:label", .string(change.actor!))])))
            }
            if let agent {
                associations.append((relation(), .object([("prov:activity", .string(activity)), ("prov:agent", .string(agent))])))
            }
            guard change.action != .delete else {
                if let previous {
                    invalidations.append((relation(), .object([("prov:entity", .string(previous)), ("prov:activity", .string(activity)),
                                                               ("prov:time", .string(change.time))])))
                }
                previous = nil
                continue
            }
            let entity = "\(articleName)/revision/\(number)"
            var attributes: [(String, JSON)] = [("prov:type", PROVVocabulary.qualifiedName("attr:Revision")),
                                                ("attr:revision", .int(number)), ("attr:action", .string(change.action.rawValue))]
            if let etag = change.etag { attributes.append(("attr:etag", .string(etag))) }
            attributes.append(("attr:document", .string(RevisionPaths.document(article, number))))
            entities.append((entity, .object(attributes)))
            specializations.append((relation(), .object([("prov:specificEntity", .string(entity)),
                                                         ("prov:generalEntity", .string(articleName))])))
            generations.append((relation(), .object([("prov:entity", .string(entity)), ("prov:activity", .string(activity)),
                                                     ("prov:time", .string(change.time))])))
            if let agent {
                attributions.append((relation(), .object([("prov:entity", .string(entity)), ("prov:agent", .string(agent))])))
            }
            if let previous {
                derivations.append((relation(), .object([("prov:generatedEntity", .string(entity)), ("prov:usedEntity", .string(previous)),
                                                         ("prov:activity", .string(activity)),
                                                         ("prov:type", PROVVocabulary.qualifiedName("prov:Revision"))])))
            }
            previous = entity
        }
        var sections: [(String, JSON)] = [("prefix", PROVVocabulary.prefixes), ("entity", .object(entities))]
        for (name, records) in [("activity", activities), ("agent", agents), ("wasGeneratedBy", generations),
                                ("wasInvalidatedBy", invalidations), ("wasAttributedTo", attributions),
                                ("wasAssociatedWith", associations), ("wasDerivedFrom", derivations),
                                ("specializationOf", specializations)] where !records.isEmpty {
            sections.append((name, .object(records)))
        }
        return .object(sections)
    }
}
