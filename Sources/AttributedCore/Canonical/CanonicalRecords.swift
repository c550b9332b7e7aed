/// Each record of a loaded dataset as JSON in the canonical form: every key written out, defaults included, in the
/// order docs/dataset-format.md lists them. Loading this form gives back exactly the same dataset.
enum CanonicalRecords {
    static func article(_ article: Article) -> JSON { .object(InputFields.article(article)) }

    static func entity(_ entity: Entity) -> JSON { .object(InputFields.entity(entity)) }

    static func claim(_ claim: Claim) -> JSON {
        .object([
            ("id", .string(claim.id)),
            ("article", .string(claim.article)),
            ("span", span(claim.span)),
            ("text", .string(claim.text)),
            ("about", .strings(claim.about)),
            ("proposition", .string(claim.proposition)),
            ("chain", .array(claim.chain.map(link))),
        ])
    }

    /// A contiguous span keeps the flat form every dataset has always had; a discontinuous one lists its segments.
    private static func span(_ span: TextSpan) -> JSON {
        var members: [(String, JSON)] = [("field", .string(span.field.rawValue))]
        if let index = span.index { members.append(("index", .int(index))) }
        if span.segments.count > 1 {
            members.append(("segments", .array(span.segments.map { .object(selector($0)) })))
        } else {
            members += selector(TextSegment(start: span.start, end: span.end, exact: span.exact, prefix: span.prefix,
                                            suffix: span.suffix))
        }
        return .object(members)
    }

    private static func selector(_ segment: TextSegment) -> [(String, JSON)] {
        [
            ("start", .int(segment.start)),
            ("end", .int(segment.end)),
            ("exact", .string(segment.exact)),
            ("prefix", .string(segment.prefix)),
            ("suffix", .string(segment.suffix)),
        ]
    }

    private static func link(_ link: AttributionLink) -> JSON {
        .object([
            ("source", .string(link.source)),
            ("cue", link.cue.map { .object([("text", .string($0.text)), ("start", .int($0.start)), ("end", .int($0.end))]) } ?? .null),
            ("mode", .string(link.mode.rawValue)),
            ("attributionType", .string(link.attributionType.rawValue)),
            ("factuality", .string(link.factuality.rawValue)),
            ("recipient", .optional(link.recipient)),
            ("derivation", link.derivation.map { .string($0.rawValue) } ?? .null),
        ])
    }
}
