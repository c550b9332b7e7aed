/// How an entry is framed in a journal file: one line per record, greppable, with the document still in the
/// dataset format:
///
///     AJ1 <crc32, 8 hex> <envelope length> <document length> <envelope JSON><document>\n
///
/// The envelope is compact JSON (`seq`, `time`, `actor`, `action`, `articles`, `entities`); the CRC-32 covers the
/// envelope and the document. A record is valid only if its header parses, both lengths fit in the file, a newline
/// follows the document, and the checksum matches.
enum JournalRecord {
    static let magic = "AJ1"
    static let framing = RecordFraming(magic: magic)

    static func encode(_ entry: JournalEntry) -> [UInt8] {
        let envelope = JSON.object([
            ("seq", .int(Int(entry.seq))), ("time", .string(entry.time)), ("actor", .string(entry.actor)),
            ("action", .string(entry.action.rawValue)), ("articles", .strings(entry.articles)),
            ("entities", .strings(entry.entities)),
        ]).bytes
        return framing.encode(envelope: envelope, document: entry.document)
    }

    static func entry(envelope: [UInt8], document: [UInt8]) -> JournalEntry? {
        guard let members = EnvelopeFields(envelope), let seq = members.unsigned("seq"), let time = members.string("time"),
              let actor = members.string("actor"), let action = members.string("action").flatMap(JournalAction.init),
              let articles = members.strings("articles"), let entities = members.strings("entities") else { return nil }
        return JournalEntry(seq: seq, time: time, actor: actor, action: action, articles: articles, entities: entities,
                            document: document)
    }
}

/// The members of a record's envelope (a flat JSON object), read by name.
struct EnvelopeFields {
    private let members: [(key: String, value: JSONNode)]

    init?(_ envelope: [UInt8]) {
        var parser = JSONParser(bytes: envelope)
        guard case .object(let members)? = try? parser.parseDocument().value else { return nil }
        self.members = members.map { ($0.key, $0.value) }
    }

    func value(_ key: String) -> JSONNode.Value? { members.first { $0.key == key }?.value.value }

    func has(_ key: String) -> Bool { members.contains { $0.key == key } }

    func isNull(_ key: String) -> Bool {
        if case .null? = value(key) { return true }
        return false
    }

    func string(_ key: String) -> String? {
        if case .string(let text)? = value(key) { return text }
        return nil
    }

    func unsigned(_ key: String) -> UInt64? {
        if case .number(let text)? = value(key) { return UInt64(text) }
        return nil
    }

    func strings(_ key: String) -> [String]? {
        guard case .array(let items)? = value(key) else { return nil }
        let strings = items.compactMap { item -> String? in
            if case .string(let text) = item.value { return text }
            return nil
        }
        return strings.count == items.count ? strings : nil
    }
}
