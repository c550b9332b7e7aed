/// A change as the API shows it: a feed item (`/v1/changes`, each server-sent event), or an article's revision.
enum ChangeJSON {
    /// `{seq, time, actor, action, article, revision, etag, entities, version}`, and with `document` the article's
    /// canonical document as a string (its exact bytes: a mirror stores them as they are), null when it has none.
    static func feedItem(_ change: Change, document: [UInt8]?) -> JSON {
        var members: [(String, JSON)] = [
            ("seq", .int(Int(change.seq))), ("time", .string(change.time)), ("actor", .optional(change.actor)),
            ("action", .string(change.action.rawValue)), ("article", .optional(change.article)),
            ("revision", change.revision.map(JSON.int) ?? .null), ("etag", .optional(change.etag)),
            ("entities", .strings(change.entities)), ("version", .optional(change.version)),
        ]
        if let document { members.append(("document", document.isEmpty ? .null : .string(String(decoding: document, as: UTF8.self)))) }
        return .object(members)
    }

    /// `{article, revision, seq, time, actor, action, etag, claims: {added, removed, changed}, document}`: `document`
    /// is where the revision's document is served (null after a delete).
    static func revision(_ change: Change) -> JSON {
        let article = change.article ?? ""
        return .object([
            ("article", .string(article)), ("revision", .int(change.revision ?? 0)), ("seq", .int(Int(change.seq))),
            ("time", .string(change.time)), ("actor", .optional(change.actor)), ("action", .string(change.action.rawValue)),
            ("etag", .optional(change.etag)),
            ("claims", .object([("added", .strings(change.claims.added)), ("removed", .strings(change.claims.removed)),
                                ("changed", .strings(change.claims.changed))])),
            ("document", change.documentLength == 0 ? .null : .string(RevisionPaths.document(article, change.revision ?? 0))),
        ])
    }
}

/// Where an article's history is served.
enum RevisionPaths {
    static func list(_ article: String) -> String { "/v1/articles/\(percentEncoded(article))/revisions" }
    static func document(_ article: String, _ revision: Int) -> String { "\(list(article))/\(revision)" }
}
