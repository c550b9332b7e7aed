/// Reads the top level of a dataset file without building a tree of it: the small members (`format`, `notes`,
/// anything unknown) are parsed as usual, and the three record arrays become lists of where each record starts.
/// Each record is parsed later, on its own, by whichever thread decodes it.
///
/// The scan trusts nothing: when the file is not shaped as expected (not an object, a broken array), it gives up
/// and the loader parses the whole file the ordinary way, which finds and words the error exactly as always.
struct RecordScanner {
    static let recordKeys: Set = ["articles", "entities", "claims"]

    struct Scanned {
        /// The top-level object, with each record array present but empty (its records are in `recordOffsets`).
        let top: JSONNode
        let recordOffsets: [String: [Int]]
        let duplicateKeys: [JSONParser.SyntaxError]
    }

    /// nil when the file is not a plain top-level object of the expected shape, or is not valid JSON there.
    static func scan(_ bytes: [UInt8]) -> Scanned? {
        var parser = JSONParser(bytes: bytes, offset: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, depth: 0)
        parser.skipWhitespace()
        let topOffset = parser.position
        guard parser.consume(UInt8(ascii: "{")) else { return nil }
        var members: [JSONMember] = []
        var recordOffsets: [String: [Int]] = [:]
        var duplicates: [JSONParser.SyntaxError] = []
        parser.skipWhitespace()
        if !parser.consume(UInt8(ascii: "}")) {
            while true {
                parser.skipWhitespace()
                guard parser.position < bytes.count, bytes[parser.position] == UInt8(ascii: "\"") else { return nil }
                let keyOffset = parser.position
                guard let key = try? parser.parseString() else { return nil }
                parser.skipWhitespace()
                guard parser.consume(UInt8(ascii: ":")) else { return nil }
                parser.skipWhitespace()
                let valueOffset = parser.position
                let value: JSONNode
                if recordKeys.contains(key), valueOffset < bytes.count, bytes[valueOffset] == UInt8(ascii: "[") {
                    guard let offsets = recordArray(bytes, &parser) else { return nil }
                    if recordOffsets[key] == nil { recordOffsets[key] = offsets }
                    value = JSONNode(value: .array([]), offset: valueOffset)
                } else {
                    var valueParser = JSONParser(bytes: bytes, offset: valueOffset, depth: 1)
                    guard let node = try? valueParser.parseEmbeddedValue(), valueParser.duplicateKeys.isEmpty else { return nil }
                    parser = JSONParser(bytes: bytes, offset: valueParser.position, depth: 0)
                    value = node
                }
                if members.contains(where: { $0.key == key }) {
                    duplicates.append(JSONParser.SyntaxError(offset: keyOffset, message: "duplicate key \"\(key)\" in one object"))
                }
                members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
                parser.skipWhitespace()
                if parser.consume(UInt8(ascii: ",")) { continue }
                if parser.consume(UInt8(ascii: "}")) { break }
                return nil
            }
        }
        parser.skipWhitespace()
        guard parser.position == bytes.count else { return nil }
        return Scanned(top: JSONNode(value: .object(members), offset: topOffset), recordOffsets: recordOffsets,
                       duplicateKeys: duplicates)
    }

    /// The start of every element of the array at the parser's position; the parser ends up after the array.
    private static func recordArray(_ bytes: [UInt8], _ parser: inout JSONParser) -> [Int]? {
        _ = parser.consume(UInt8(ascii: "["))
        var offsets: [Int] = []
        parser.skipWhitespace()
        if parser.consume(UInt8(ascii: "]")) { return offsets }
        while true {
            parser.skipWhitespace()
            let start = parser.position
            guard let end = endOfValue(bytes, from: start) else { return nil }
            offsets.append(start)
            parser = JSONParser(bytes: bytes, offset: end, depth: 0)
            parser.skipWhitespace()
            if parser.consume(UInt8(ascii: ",")) { continue }
            if parser.consume(UInt8(ascii: "]")) { return offsets }
            return nil
        }
    }

    /// Where the value starting at `start` ends, by matching brackets outside strings. It does not validate:
    /// the record's own parse does, and a record whose parse does not end here is a syntax error anyway.
    static func endOfValue(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { bytes -> Int? in
            guard start < bytes.count else { return nil }
            var position = start
            switch bytes[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["): break
            case UInt8(ascii: "\""):
                return endOfString(bytes, from: position)
            default:
                // A scalar: up to the next delimiter.
                while position < bytes.count {
                    switch bytes[position] {
                    case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x0A, 0x0D, 0x09: return position
                    default: position += 1
                    }
                }
                return nil
            }
            var depth = 0
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    position += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    position += 1
                    if depth == 0 { return position }
                case UInt8(ascii: "\""):
                    guard let end = endOfString(bytes, from: position) else { return nil }
                    position = end
                default:
                    position += 1
                }
            }
            return nil
        }
    }

    private static func endOfString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var position = start + 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""): return position + 1
            case UInt8(ascii: "\\"): position += 2
            default: position += 1
            }
        }
        return nil
    }
}
