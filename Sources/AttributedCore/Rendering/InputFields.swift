/// An article's and an entity's input fields as JSON members, every one written out, in the order of
/// docs/dataset-format.md: what the API shows before the computed fields, and what `attributed fmt` writes.
enum InputFields {
    static func article(_ article: Article) -> [(String, JSON)] {
        [
            ("id", .string(article.id)),
            ("headline", .string(article.headline)),
            ("summary", .strings(article.summary)),
            ("body", .string(article.body)),
            ("publisher", .string(article.publisher)),
            ("authors", .strings(article.authors)),
            ("byline", .optional(article.byline)),
            ("published", .optional(article.published)),
            ("url", .optional(article.url)),
            ("language", .string(article.language)),
        ]
    }

    static func entity(_ entity: Entity) -> [(String, JSON)] {
        var members: [(String, JSON)] = [
            ("id", .string(entity.id)),
            ("kind", .string(entity.kind.rawValue)),
            ("name", .optional(entity.name)),
            ("descriptor", .optional(entity.descriptor)),
            ("aliases", .strings(entity.aliases)),
            ("anonymity", .string(entity.anonymity.rawValue)),
            ("anonymityReason", .optional(entity.anonymityReason)),
            ("affiliation", .optional(entity.affiliation)),
            ("roles", .strings(entity.roles)),
        ]
        if let document = entity.document {
            members += [
                ("issuer", .optional(document.issuer)),
                ("recipients", .strings(document.recipients)),
                ("date", .optional(document.date)),
            ]
        }
        return members
    }
}
