/// JSON built for output. Objects keep their key order, so every representation renders byte-identically
/// (and so gets the same ETag) on every load of the same data.
public indirect enum JSON: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])
    /// Bytes that are already JSON (a prerendered record spliced into a list).
    case raw([UInt8])

    public static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
    public static func strings(_ values: [String]) -> JSON { .array(values.map(JSON.string)) }

    public var bytes: [UInt8] {
        var output: [UInt8] = []
        write(into: &output)
        return output
    }

    public func write(into output: inout [UInt8]) { write(into: &output, spaced: false) }

    /// `spaced`: `", "` between members and `": "` after keys, as people write JSON by hand (the canonical dataset
    /// form); otherwise compact, as the API answers.
    func write<Sink: JSONByteSink & ~Copyable>(into output: inout Sink, spaced: Bool) {
        let separator: StaticString = spaced ? ", " : ","
        switch self {
        case .null: output.appendStatic("null")
        case .bool(let value): output.appendStatic(value ? "true" : "false")
        case .int(let value):
            var digits = String(value)
            digits.withUTF8 { output.appendBytes(UnsafeRawBufferPointer($0)) }
        case .string(let value): JSON.writeString(value, into: &output)
        case .raw(let value): value.withUnsafeBytes { output.appendBytes($0) }
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.appendStatic(separator) }
                element.write(into: &output, spaced: spaced)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.appendStatic(separator) }
                JSON.writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                if spaced { output.append(UInt8(ascii: " ")) }
                value.write(into: &output, spaced: spaced)
            }
            output.append(UInt8(ascii: "}"))
        }
    }


    static func writeString<Sink: JSONByteSink & ~Copyable>(_ string: String, into output: inout Sink) {
        var string = string
        string.withUTF8 { writeString(utf8: $0, into: &output) }
    }

    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }

    /// Escapes only what JSON requires (quote, backslash, control characters); runs without any pass through as is.
    static func writeString<Sink: JSONByteSink & ~Copyable>(utf8: UnsafeBufferPointer<UInt8>, into output: inout Sink) {
        output.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = utf8.count
        let raw = UnsafeRawBufferPointer(utf8)
        while index < count {
            // Eight bytes at a time while none needs escaping (the usual case): SWAR tests for a byte < 0x20, '"'
            // or '\\' (exact as to whether any byte matches).
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if !Self.needsEscape(word) {
                    index += 8
                    continue
                }
            }
            let byte = utf8[index]
            // One comparison for the common case: printable ASCII other than '"' and '\\', or any UTF-8 byte ≥ 0x80.
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            output.appendBytes(UnsafeRawBufferPointer(rebasing: raw[runStart..<index]))
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            default:
                let hex: StaticString = "0123456789abcdef"
                output.appendStatic("u00")
                output.append(hex.utf8Start[Int(byte >> 4)])
                output.append(hex.utf8Start[Int(byte & 0xF)])
            }
            index += 1
            runStart = index
        }
        output.appendBytes(UnsafeRawBufferPointer(rebasing: raw[runStart..<count]))
        output.append(UInt8(ascii: "\""))
    }
}

/// Where `JSON.writeString` appends: an array, or a `JSONOutput`.
protocol JSONByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func appendBytes(_ bytes: UnsafeRawBufferPointer)
}

extension JSONByteSink where Self: ~Copyable {
    mutating func appendStatic(_ text: StaticString) {
        appendBytes(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

extension Array: JSONByteSink where Element == UInt8 {
    mutating func appendBytes(_ bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }
}
