import CZlib

/// How a record is framed in an append-only file of the dataset directory (the journal, the history): one line
/// per record, greppable, with its document still in the dataset format:
///
///     <magic> <crc32, 8 hex> <envelope length> <document length> <envelope JSON><document>\n
///
/// The CRC-32 covers the envelope and the document. A record is valid only if its header parses, both lengths fit
/// in the file, a newline follows the document, and the checksum matches.
struct RecordFraming: Sendable {
    /// `AJ1 ` for the journal, `AH1 ` for the history.
    let magic: [UInt8]
    /// Longer than any write body (`--max-body` is at most 1 GiB): a length past it is corruption.
    static let maximumLength = 1 << 31

    init(magic: String) { self.magic = Array("\(magic) ".utf8) }

    func encode(envelope: [UInt8], document: [UInt8]) -> [UInt8] {
        var out = magic
        out += Array("\(Self.hex8(document.withUnsafeBufferPointer { Self.crc(envelope, $0) })) \(envelope.count) \(document.count) ".utf8)
        out += envelope
        out += document
        out.append(UInt8(ascii: "\n"))
        return out
    }

    enum Decoded {
        /// The envelope's bytes, where the document starts in the buffer, and the record's whole length.
        case record(envelope: [UInt8], document: Range<Int>, length: Int)
        /// Why the bytes at this offset are not a record.
        case invalid(String)
    }

    /// The record starting at `offset` of `bytes`.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Decoded {
        var position = offset
        let magic = magic
        guard bytes.count - position >= magic.count, Array(bytes[position..<position + magic.count]) == magic else {
            let name = String(decoding: magic.dropLast(), as: UTF8.self)
            return .invalid(bytes.count - position < magic.count ? "is cut short in its header" : "does not start with \(name)")
        }
        position += magic.count
        func field(hex: Bool) -> Int? {
            let start = position
            var value = 0
            while position < bytes.count, bytes[position] != UInt8(ascii: " ") {
                guard let digit = Self.digit(bytes[position], hex: hex), position - start < 12 else { return nil }
                value = value * (hex ? 16 : 10) + digit
                position += 1
            }
            guard position < bytes.count, position > start else { return nil }
            position += 1
            return value
        }
        guard let checksum = field(hex: true), let envelopeLength = field(hex: false), let documentLength = field(hex: false),
              envelopeLength <= Self.maximumLength, documentLength <= Self.maximumLength else {
            return .invalid("has a cut or corrupt header")
        }
        let end = position + envelopeLength + documentLength
        guard end < bytes.count else {
            return .invalid("is cut short (\(bytes.count - offset) of \(end + 1 - offset) bytes)")
        }
        guard bytes[end] == UInt8(ascii: "\n") else { return .invalid("does not end where its lengths say") }
        let envelope = Array(bytes[position..<position + envelopeLength])
        let document = position + envelopeLength..<end
        guard Self.crc(envelope, UnsafeBufferPointer(rebasing: bytes[document])) == UInt32(checksum) else {
            return .invalid("fails its checksum")
        }
        return .record(envelope: envelope, document: document, length: end + 1 - offset)
    }

    /// The offset of the first valid record that starts after `offset` (at a line's start), if any: a record that
    /// fails and is followed by a valid one is damage, not a torn tail. Canonical documents hold no line starting with
    /// the magic (a newline in JSON is whitespace between tokens, and strings escape theirs), and a false start
    /// still has to pass the checksum.
    func nextValidRecord(in bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Int? {
        var position = offset
        while let newline = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) {
            position = newline + 1
            if case .record = decode(bytes, at: position) { return position }
        }
        return nil
    }

    private static func crc(_ envelope: [UInt8], _ document: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var value = crc32(0, nil, 0)
        envelope.withUnsafeBufferPointer { value = crc32(value, $0.baseAddress, uInt($0.count)) }
        value = crc32(value, document.baseAddress, uInt(document.count))
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

