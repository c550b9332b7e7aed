/// A strict RFC 8259 parser over UTF-8 bytes.
///
/// Written here rather than taken from Foundation because the loader needs what JSONSerialization does not give:
/// the line and column of every syntax error, the position of every value for later errors, and duplicate
/// keys reported instead of one of them being silently dropped.
public struct JSONParser {
    public struct SyntaxError: Error, Sendable {
        public let offset: Int
        public let message: String
    }

    /// Non-fatal findings (duplicate keys); parsing goes on past them.
    public private(set) var duplicateKeys: [SyntaxError] = []

    private let bytes: UnsafeBufferPointer<UInt8>
    /// Keeps the bytes alive when the parser made its own copy of them.
    private let owner: FileBuffer?
    private(set) var position = 0
    private var depth = 0
    private static let maximumDepth = 256

    public init(bytes: [UInt8]) {
        let copy = FileBuffer(copying: bytes)
        self.bytes = copy.bytes
        owner = copy
    }

    /// A parser for one value inside a larger document (a record of a dataset file): offsets stay the document's,
    /// and `depth` is the nesting the value has there, so that limits and messages are the same as for the whole.
    /// The caller keeps `bytes` alive while the parser is used.
    init(bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0, depth: Int = 0) {
        self.bytes = bytes
        owner = nil
        position = offset
        self.depth = depth
    }

    /// Parses the value at the current position and stops right after it.
    mutating func parseEmbeddedValue() throws(SyntaxError) -> JSONNode {
        try parseValue()
    }

    public mutating func parseDocument() throws(SyntaxError) -> JSONNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // tolerate a UTF-8 byte order mark
        skipWhitespace()
        let root = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw error("unexpected content after the top-level value") }
        return root
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONNode {
        guard position < bytes.count else { throw error("unexpected end of input, expected a value") }
        let start = position
        switch bytes[position] {
        case UInt8(ascii: "{"): return JSONNode(value: try parseObject(), offset: start)
        case UInt8(ascii: "["): return JSONNode(value: try parseArray(), offset: start)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), offset: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONNode(value: .bool(true), offset: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONNode(value: .bool(false), offset: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONNode(value: .null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try parseNumber()), offset: start)
        default:
            throw error("unexpected character \(describe(bytes[position])), expected a value")
        }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONNode.Value {
        try enterContainer()
        position += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { depth -= 1; return .object(members) }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("expected a string key")
            }
            let keyOffset = position
            let key = try parseString()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw error("expected ':' after the key") }
            skipWhitespace()
            let value = try parseValue()
            // Records have a handful of keys: a linear scan beats hashing every key into a dictionary.
            if members.contains(where: { $0.key == key }) {
                duplicateKeys.append(SyntaxError(offset: keyOffset, message: "duplicate key \"\(key)\" in one object"))
            }
            members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { break }
            throw error("expected ',' or '}' in an object")
        }
        depth -= 1
        return .object(members)
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONNode.Value {
        try enterContainer()
        position += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { depth -= 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { break }
            throw error("expected ',' or ']' in an array")
        }
        depth -= 1
        return .array(elements)
    }

    mutating func parseString() throws(SyntaxError) -> String {
        let start = position
        position += 1  // opening quote
        // Fast path: most strings have no escape, so they are validated and copied straight from the input.
        let end = ByteScan.firstQuoteBackslashOrControl(bytes, from: position)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let string = Self.string(UnsafeBufferPointer(rebasing: bytes[position..<end]))
            guard let string else { throw SyntaxError(offset: start, message: "invalid UTF-8 in a string") }
            position = end + 1
            return string
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(end - position + 16)
        while true {
            // The plain run up to the next quote, backslash or control character is copied whole.
            let runEnd = ByteScan.firstQuoteBackslashOrControl(bytes, from: position)
            utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<runEnd]))
            position = runEnd
            guard position < bytes.count else { throw error("unterminated string") }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let string = String(validating: utf8, as: UTF8.self) else {
                    throw SyntaxError(offset: start, message: "invalid UTF-8 in a string")
                }
                return string
            case UInt8(ascii: "\\"):
                position += 1
                try parseEscape(into: &utf8)
            default:
                throw error("control character \(describe(byte)) in a string must be escaped")
            }
        }
    }

    /// Valid UTF-8 as a String, or nil. ASCII (most keys and values) needs no validation beyond the check itself.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var ascii: UInt8 = 0
        for byte in bytes { ascii |= byte }
        if ascii < 0x80 { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws(SyntaxError) {
        guard position < bytes.count else { throw error("unterminated escape sequence") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            if (0xD800...0xDBFF).contains(code) {
                guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else {
                    throw error("unpaired UTF-16 surrogate in a \\u escape")
                }
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired UTF-16 surrogate in a \\u escape") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw error("unpaired UTF-16 surrogate in a \\u escape")
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
            utf8.append(contentsOf: String(Character(scalar)).utf8)
        default:
            position -= 1
            throw error("invalid escape '\\\(String(decoding: [byte], as: UTF8.self))'")
        }
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid hex digit in a \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func parseNumber() throws(SyntaxError) -> String {
        let start = position
        _ = consume(UInt8(ascii: "-"))
        if consume(UInt8(ascii: "0")) {
            // a leading zero stands alone
        } else if consumeDigits() == 0 {
            throw error("invalid number")
        }
        if consume(UInt8(ascii: ".")), consumeDigits() == 0 { throw error("invalid number: digits expected after '.'") }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            if consumeDigits() == 0 { throw error("invalid number: digits expected in the exponent") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func consumeDigits() -> Int {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        return position - start
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(SyntaxError) {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard position + expected.count <= bytes.count, bytes[position..<position + expected.count].elementsEqual(expected)
        else { throw error("unexpected character \(describe(bytes[position])), expected a value") }
        position += expected.count
    }

    private mutating func enterContainer() throws(SyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(offset: min(position, bytes.count), message: message)
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(String(decoding: [byte], as: UTF8.self))'" : "0x\(String(byte, radix: 16, uppercase: true))"
    }
}
