extension DatasetDecoder {
    // Arrays, searched in order: an entity has a handful of keys, and hashing each into a set cost more.
    private static let fields = ["id", "kind", "name", "descriptor", "aliases", "anonymity", "anonymityReason",
                                 "affiliation", "roles"]
    private static let documentFields = ["issuer", "recipients", "date"]
    private static let allFields = fields + documentFields

    func decodeEntity(_ record: RecordNode) -> Entity? {
        let values = reader(for: record)
        guard let entity = RecordReader(record.node, record.path, values) else { return nil }
        let id = entity.read("id", values.id)
        let kind: EntityKind? = entity.read("kind", values.enumValue)
        // Empty values may be left out: null, or an empty list.
        let name = entity.read("name", default: nil, nullableString(values))
        let descriptor = entity.read("descriptor", default: nil, nullableString(values))
        let aliases = entity.read("aliases", default: [], strings(values))
        let givenAnonymity: Anonymity?? = entity.optional("anonymity", values.enumValue)
        let anonymity = givenAnonymity.flatMap { $0 ?? defaultAnonymity(kind: kind, name: name, entity) }
        let anonymityReason = entity.read("anonymityReason", default: nil, nullableString(values))
        let affiliation = entity.read("affiliation", default: nil, nullableEntityReference(values))
        let roles = entity.read("roles", default: [], strings(values))

        let known = kind == .document || kind == nil ? Self.allFields : Self.fields
        var document: DocumentDetails?? = .some(nil)
        if kind == .document {
            let issuer = entity.read("issuer", default: nil, nullableEntityReference(values))
            let recipients = entity.read("recipients", default: [], entityReferences(values))
            let date = entity.read("date", default: nil) { node, path in
                values.nullable(node, path) { values.formatted($0, $1, .partialDate) }
            }
            if let issuer, let recipients, let date {
                document = DocumentDetails(issuer: issuer, recipients: recipients, date: date)
            } else {
                document = nil
            }
        }
        entity.rejectUnknownKeys(known) { key in
            guard Self.documentFields.contains(key), let kind else { return nil }
            return "\"\(key)\" is only allowed on documents, not on kind \"\(kind.rawValue)\""
        }

        var consistent = true
        if let anonymity, let name {
            if anonymity == .named, name == nil {
                entity.report("a named entity needs a name", at: "name")
                consistent = false
            } else if anonymity != .named, name != nil {
                entity.report("an entity with anonymity \"\(anonymity.rawValue)\" has no name (the text's words go in \"descriptor\")", at: "name")
                consistent = false
            }
        }
        if anonymity == .named, case .some(.some) = anonymityReason {
            entity.report("a named entity has no anonymity reason", at: "anonymityReason")
            consistent = false
        }
        if let id, case .some(.some(let affiliationId)) = affiliation, affiliationId == id {
            entity.report("an entity cannot be its own affiliation", at: "affiliation")
            consistent = false
        }

        guard consistent, !registry.isDuplicate(record), let id, let kind, let name, let descriptor, let aliases,
              let anonymity, let anonymityReason, let affiliation, let roles, let document
        else { return nil }
        return Entity(id: id, kind: kind, name: name, descriptor: descriptor, aliases: aliases, anonymity: anonymity,
                      anonymityReason: anonymityReason, affiliation: affiliation, roles: roles, document: document)
    }

    /// Left out, `anonymity` is `named` for an entity with a name, and the kind itself for `anonymous` and
    /// `unspecified`; otherwise (an unnamed person, say) it is required, since partly identified and anonymous differ.
    private func defaultAnonymity(kind: EntityKind?, name: String??, _ entity: RecordReader) -> Anonymity? {
        guard let kind, let name else { return nil }  // already reported
        if name != nil { return .named }
        switch kind {
        case .anonymous: return .anonymous
        case .unspecified: return .unspecified
        default:
            entity.report("missing required field \"anonymity\": for an entity of kind \"\(kind.rawValue)\" without a name, give "
                          + "\"partially_identified\", \"anonymous\" or \"unspecified\"", at: "anonymity")
            return nil
        }
    }
}
