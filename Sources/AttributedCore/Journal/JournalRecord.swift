import CZlib

/// How an entry is framed in a journal file: one line per record, greppable, with the document still in the
/// dataset format:
///
///     AJ1 <crc32, 8 hex> <envelope length> <document length> <envelope JSON><document>\n
///
/// The envelope is compact JSON (`seq`, `time`, `actor`, `action`, `articles`, `entities`); the CRC-32 covers the
/// envelope and the document. A record is valid only if its header parses, both lengths fit in the file, a newline
/// follows the document, and the checksum matches.
enum JournalRecord {
    static let magic = Array("AJ1 ".utf8)
    /// Longer than any write body (`--max-body` is at most 1 GiB): a length past it is corruption.
    static let maximumLength = 1 << 31

    static func encode(_ entry: JournalEntry) -> [UInt8] {
        let envelope = JSON.object([
            ("seq", .int(Int(entry.seq))), ("time", .string(entry.time)), ("actor", .string(entry.actor)),
            ("action", .string(entry.action.rawValue)), ("articles", .strings(entry.articles)),
            ("entities", .strings(entry.entities)),
        ]).bytes
        let checksum = crc(envelope, entry.document)
        var out = magic
        out += Array("\(hex8(checksum)) \(envelope.count) \(entry.document.count) ".utf8)
        out += envelope
        out += entry.document
        out.append(UInt8(ascii: "\n"))
        return out
    }

    enum Decoded {
        case entry(JournalEntry, length: Int)
        /// Why the bytes at this offset are not a record.
        case invalid(String)
    }

    /// The record starting at `offset` of `bytes`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Decoded {
        var position = offset
        guard bytes.count - position >= magic.count, Array(bytes[position..<position + magic.count]) == magic else {
            return .invalid(bytes.count - position < magic.count ? "is cut short in its header" : "does not start with AJ1")
        }
        position += magic.count
        func field(hex: Bool) -> Int? {
            let start = position
            var value = 0
            while position < bytes.count, bytes[position] != UInt8(ascii: " ") {
                guard let digit = digit(bytes[position], hex: hex), position - start < 12 else { return nil }
                value = value * (hex ? 16 : 10) + digit
                position += 1
            }
            guard position < bytes.count, position > start else { return nil }
            position += 1
            return value
        }
        guard let checksum = field(hex: true), let envelopeLength = field(hex: false), let documentLength = field(hex: false),
              envelopeLength <= maximumLength, documentLength <= maximumLength else {
            return .invalid("has a cut or corrupt header")
        }
        let end = position + envelopeLength + documentLength
        guard end < bytes.count else {
            return .invalid("is cut short (\(bytes.count - offset) of \(end + 1 - offset) bytes)")
        }
        guard bytes[end] == UInt8(ascii: "\n") else { return .invalid("does not end where its lengths say") }
        let envelope = Array(bytes[position..<position + envelopeLength])
        let document = Array(bytes[position + envelopeLength..<end])
        guard crc(envelope, document) == UInt32(checksum) else { return .invalid("fails its checksum") }
        guard let entry = entry(envelope: envelope, document: document) else { return .invalid("has an unreadable envelope") }
        return .entry(entry, length: end + 1 - offset)
    }

    /// The offset of the first valid record that starts after `offset` (at a line's start), if any: a record that
    /// fails and is followed by a valid one is damage, not a torn tail. Canonical documents hold no line starting with
    /// the magic (a newline in JSON is whitespace between tokens, and strings escape theirs), and a false start
    /// still has to pass the checksum.
    static func nextValidRecord(in bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Int? {
        var position = offset
        while let newline = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) {
            position = newline + 1
            if case .entry = decode(bytes, at: position) { return position }
        }
        return nil
    }

    private static func entry(envelope: [UInt8], document: [UInt8]) -> JournalEntry? {
        var parser = JSONParser(bytes: envelope)
        guard case .object(let members)? = try? parser.parseDocument().value else { return nil }
        func value(_ key: String) -> JSONNode.Value? { members.first { $0.key == key }?.value.value }
        func strings(_ key: String) -> [String]? {
            guard case .array(let items)? = value(key) else { return nil }
            let strings = items.compactMap { item -> String? in
                if case .string(let text) = item.value { return text }
                return nil
            }
            return strings.count == items.count ? strings : nil
        }
        guard case .number(let seqText)? = value("seq"), let seq = UInt64(seqText),
              case .string(let time)? = value("time"), case .string(let actor)? = value("actor"),
              case .string(let actionName)? = value("action"), let action = JournalAction(rawValue: actionName),
              let articles = strings("articles"), let entities = strings("entities") else { return nil }
        return JournalEntry(seq: seq, time: time, actor: actor, action: action, articles: articles, entities: entities,
                            document: document)
    }

    private static func crc(_ envelope: [UInt8], _ document: [UInt8]) -> UInt32 {
        var value = crc32(0, nil, 0)
        envelope.withUnsafeBufferPointer { value = crc32(value, $0.baseAddress, uInt($0.count)) }
        document.withUnsafeBufferPointer { value = crc32(value, $0.baseAddress, uInt($0.count)) }
        return UInt32(value)
    }

    private static func hex8(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: Int(byte - UInt8(ascii: "a")) + 10
        default: nil
        }
    }
}
