/// A change as a record of the history file: its fields as a compact JSON envelope, its document after it.
enum ChangeRecord {
    static let magic = "AH1"

    static func envelope(_ change: Change) -> [UInt8] {
        JSON.object([
            ("seq", .int(Int(change.seq))), ("journal", .int(Int(change.journalSeq))), ("time", .string(change.time)),
            ("actor", .optional(change.actor)), ("action", .string(change.action.rawValue)),
            ("article", .optional(change.article)), ("revision", change.revision.map(JSON.int) ?? .null),
            ("etag", .optional(change.etag)), ("entities", .strings(change.entities)), ("version", .optional(change.version)),
            ("added", .strings(change.claims.added)), ("removed", .strings(change.claims.removed)),
            ("changed", .strings(change.claims.changed)),
        ]).bytes
    }

    static func change(envelope: [UInt8], documentLength: Int) -> Change? {
        guard let fields = EnvelopeFields(envelope), let seq = fields.unsigned("seq"), let journal = fields.unsigned("journal"),
              let time = fields.string("time"), let action = fields.string("action").flatMap(ChangeAction.init),
              let entities = fields.strings("entities"), let added = fields.strings("added"),
              let removed = fields.strings("removed"), let changed = fields.strings("changed") else { return nil }
        let revision = fields.unsigned("revision").map { Int($0) }
        guard revision != nil || fields.isNull("revision") else { return nil }
        return Change(seq: seq, journalSeq: journal, time: time, actor: fields.string("actor"), action: action,
                      article: fields.string("article"), revision: revision, etag: fields.string("etag"), entities: entities,
                      version: fields.string("version"), claims: ClaimDiff(added: added, removed: removed, changed: changed),
                      documentLength: documentLength)
    }
}
