/// A claim as a W3C Web Annotation (Data Model, Recommendation 2017; README, "Formats"; openapi.yaml,
/// `Annotation`):
///
/// - `motivation` is `describing` (Model §3.3.5): the annotation says what the words at its target report and who
///   reports it, a description of the target rather than a comment on it (`commenting`), a judgement
///   (`assessing`) or a label (`tagging`, `classifying`);
/// - `target`: one `SpecificResource` per segment of the claim's span (a quote interrupted by its attribution has
///   several; the model reads several targets as the body being about each), whose `source` is the article (its
///   `url` when the dataset has one, else its API URL), each with a `TextQuoteSelector` (`exact`, `prefix`,
///   `suffix`) and a `TextPositionSelector` (`start`, `end`) for the same segment, as Hypothesis reads them. The
///   positions are in Unicode code points, as the model counts them and as the dataset's offsets already are,
///   within the article's text that `attr:field` names (its body, headline or a summary line);
/// - `body`: a `TextualBody` whose `value` is the claim's text (`purpose` `describing`), with the attribution in
///   `attr:` terms: the chain from the publication to the origin (each link's source, cue, mode, attribution type,
///   factuality, derivation), the origin, the weakest anonymity, the proposition and what the claim is about.
///
/// Members come in a fixed order, so the same claim is the same bytes every time.
final class ClaimAnnotation: LinkedDataDocuments {
    private let claims: ClaimTable
    private let entities: EntityDirectory

    init(claims: ClaimTable, entities: EntityDirectory) {
        self.claims = claims
        self.entities = entities
    }

    func document(_ ordinal: Int) -> JSON { document(ordinal, embedded: false) }

    /// `embedded`: an item of an annotation page, which carries the context for it.
    func document(_ ordinal: Int, embedded: Bool) -> JSON {
        let claim = claims[ordinal]
        let record = claims.records[ordinal]
        let article = claims.articles[Int(record.article)]
        var members: [(String, JSON)] = embedded ? [] : [("@context", .string(AnnotationVocabulary.context))]
        members += [("id", .string(AnnotationVocabulary.claim(claim.id))),
                    ("type", .string("Annotation")),
                    ("motivation", .string("describing")),
                    ("body", body(of: claim, weakest: record.weakestAnonymity, language: article.language)),
                    ("target", .array(claim.span.segments.map { target($0, of: claim.span, in: article) }))]
        return .object(members)
    }

    private func target(_ segment: TextSegment, of span: TextSpan, in article: Article) -> JSON {
        var members: [(String, JSON)] = [("@context", AnnotationVocabulary.extensionContext),
                                         ("type", .string("SpecificResource")),
                                         ("source", .string(article.url ?? AnnotationVocabulary.article(article.id))),
                                         ("attr:field", .string(span.field.rawValue))]
        if let index = span.index { members.append(("attr:summaryIndex", .int(index))) }
        var quote: [(String, JSON)] = [("type", .string("TextQuoteSelector")), ("exact", .string(segment.exact))]
        // An empty prefix (the text's very start) or suffix (its end) is no snippet: left out, as the model allows.
        if !segment.prefix.isEmpty { quote.append(("prefix", .string(segment.prefix))) }
        if !segment.suffix.isEmpty { quote.append(("suffix", .string(segment.suffix))) }
        let position: [(String, JSON)] = [("type", .string("TextPositionSelector")), ("start", .int(segment.start)),
                                          ("end", .int(segment.end))]
        members.append(("selector", .array([.object(quote), .object(position)])))
        return .object(members)
    }

    private func body(of claim: Claim, weakest: Anonymity, language: String) -> JSON {
        .object([
            ("@context", AnnotationVocabulary.extensionContext),
            ("type", .string("TextualBody")),
            ("purpose", .string("describing")),
            ("value", .string(claim.text)),
            ("format", .string("text/plain")),
            ("language", .string(language)),
            ("attr:proposition", .string(claim.proposition)),
            ("attr:about", .array(claim.about.map { .object([("id", .string(AnnotationVocabulary.entity($0)))]) })),
            ("attr:chain", .array(claim.chain.enumerated().map { link($1, position: $0) })),
            ("attr:depth", .int(claim.depth)),
            ("attr:origin", .object([("id", .string(AnnotationVocabulary.entity(claim.origin)))])),
            ("attr:weakestAnonymity", .string(weakest.rawValue)),
        ])
    }

    /// What PROV calls one attribution: who, by which words, how, how firmly, relayed how.
    private func link(_ link: AttributionLink, position: Int) -> JSON {
        var members: [(String, JSON)] = [("attr:position", .int(position)), ("attr:source", source(entity(link.source)))]
        if let cue = link.cue { members.append(("attr:cue", .string(cue.text))) }
        members += [("attr:mode", .string(link.mode.rawValue)),
                    ("attr:attributionType", .string(link.attributionType.rawValue)),
                    ("attr:factuality", .string(link.factuality.rawValue))]
        if let recipient = link.recipient {
            members.append(("attr:recipient", .object([("id", .string(AnnotationVocabulary.entity(recipient)))])))
        }
        if let derivation = link.derivation { members.append(("attr:derivation", .string(derivation.rawValue))) }
        return .object(members)
    }

    /// A source as the anno context can say it (`name`, a FOAF type), the rest in `attr:`; nothing the dataset
    /// leaves out is written (no null: JSON-LD would drop it).
    private func source(_ entity: Entity) -> JSON {
        var members: [(String, JSON)] = [("id", .string(AnnotationVocabulary.entity(entity.id))),
                                         ("type", .string(entity.kind.annotationType))]
        if let name = entity.name { members.append(("name", .string(name))) }
        members.append(("attr:kind", .string(entity.kind.rawValue)))
        members.append(("attr:anonymity", .string(entity.anonymity.rawValue)))
        if let descriptor = entity.descriptor { members.append(("attr:descriptor", .string(descriptor))) }
        if let reason = entity.anonymityReason { members.append(("attr:anonymityReason", .string(reason))) }
        if let issuer = entity.document?.issuer {
            members.append(("attr:issuer", .object([("id", .string(AnnotationVocabulary.entity(issuer)))])))
        }
        return .object(members)
    }

    private func entity(_ id: String) -> Entity { entities[id] }
}
