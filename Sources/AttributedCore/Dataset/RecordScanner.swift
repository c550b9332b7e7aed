/// Reads the top level of a dataset file without building a tree of it: the small members (`format`, `notes`,
/// anything unknown) are parsed as usual, and the three record arrays become lists of where each record starts.
/// Each record is parsed later, on its own, by whichever thread decodes it.
///
/// The scan trusts nothing: when the file is not shaped as expected (not an object, a broken array), it gives up
/// and the loader parses the whole file the ordinary way, which finds and words the error exactly as always.
struct RecordScanner {
    static let recordKeys: Set = ["articles", "entities", "claims"]

    /// Where the records of one array start, and where the last one ends.
    struct Records {
        let offsets: [Int]
        let end: Int
    }

    struct Scanned {
        /// The top-level object, with each record array present but empty (its records are in `records`).
        let top: JSONNode
        let records: [String: Records]
        let duplicateKeys: [JSONParser.SyntaxError]
    }

    /// How far ahead of the top level's parser the file is read (at most): more than any key or small member needs.
    /// A member that is not a record array and runs past it has the rest of the file read first. The pass gives back
    /// what lies a window behind it.
    private var lookahead: Int { min(64 << 10, file.window) }

    private let file: FileBuffer
    private var released = 0

    /// nil when the file is not a plain top-level object of the expected shape, or is not valid JSON there.
    /// Reads the file front to back and releases what it has passed.
    static func scan(_ file: SourceFile) -> Scanned? {
        var scanner = RecordScanner(file: file.buffer)
        return scanner.scan()
    }

    private init(file: FileBuffer) {
        self.file = file
    }

    private mutating func scan() -> Scanned? {
        let bytes = file.bytes
        file.readSequentially(through: lookahead)
        var parser = JSONParser(bytes: bytes, offset: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, depth: 0)
        parser.skipWhitespace()
        let topOffset = parser.position
        guard parser.consume(UInt8(ascii: "{")) else { return nil }
        var members: [JSONMember] = []
        var records: [String: Records] = [:]
        var duplicates: [JSONParser.SyntaxError] = []
        parser.skipWhitespace()
        if !parser.consume(UInt8(ascii: "}")) {
            while true {
                file.readSequentially(through: parser.position + lookahead)
                parser.skipWhitespace()
                guard parser.position < bytes.count, bytes[parser.position] == UInt8(ascii: "\"") else { return nil }
                let keyOffset = parser.position
                guard let key = try? parser.parseString() else { return nil }
                parser.skipWhitespace()
                guard parser.consume(UInt8(ascii: ":")) else { return nil }
                parser.skipWhitespace()
                let valueOffset = parser.position
                let value: JSONNode
                if Self.recordKeys.contains(key), valueOffset < bytes.count, bytes[valueOffset] == UInt8(ascii: "[") {
                    guard let array = recordArray(&parser) else { return nil }
                    if records[key] == nil { records[key] = array }
                    value = JSONNode(value: .array([]), offset: valueOffset)
                } else {
                    guard let (node, end) = smallValue(at: valueOffset) else { return nil }
                    parser = JSONParser(bytes: bytes, offset: end, depth: 0)
                    value = node
                }
                if members.contains(where: { $0.key == key }) {
                    duplicates.append(JSONParser.SyntaxError(offset: keyOffset, message: "duplicate key \"\(key)\" in one object"))
                }
                members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
                file.readSequentially(through: parser.position + lookahead)
                parser.skipWhitespace()
                if parser.consume(UInt8(ascii: ",")) { continue }
                if parser.consume(UInt8(ascii: "}")) { break }
                return nil
            }
        }
        file.readSequentially(through: bytes.count)
        parser.skipWhitespace()
        guard parser.position == bytes.count else { return nil }
        file.release(released..<bytes.count)
        return Scanned(top: JSONNode(value: .object(members), offset: topOffset), records: records, duplicateKeys: duplicates)
    }

    /// A member that is not a record array, parsed whole; the rest of the file is read first if it runs past what
    /// has been read (its bytes beyond are not there yet).
    private func smallValue(at offset: Int) -> (JSONNode, end: Int)? {
        var valueParser = JSONParser(bytes: file.bytes, offset: offset, depth: 1)
        if let node = try? valueParser.parseEmbeddedValue(), valueParser.duplicateKeys.isEmpty,
           valueParser.position < file.readThrough || file.readThrough == file.count {
            return (node, valueParser.position)
        }
        guard file.readThrough < file.count else { return nil }
        file.readSequentially(through: file.count)
        return smallValue(at: offset)
    }

    /// Where every element of the array at the parser's position starts; the parser ends up after the array.
    private mutating func recordArray(_ parser: inout JSONParser) -> Records? {
        let bytes = file.bytes
        _ = parser.consume(UInt8(ascii: "["))
        var offsets: [Int] = []
        parser.skipWhitespace()
        if parser.consume(UInt8(ascii: "]")) { return Records(offsets: offsets, end: parser.position - 1) }
        while true {
            file.readSequentially(through: parser.position + lookahead)
            parser.skipWhitespace()
            let start = parser.position
            guard let end = endOfRecord(from: start) else { return nil }
            offsets.append(start)
            if start - released >= file.window {
                file.release(released..<start)
                released = start
            }
            parser = JSONParser(bytes: bytes, offset: end, depth: 0)
            file.readSequentially(through: end + lookahead)
            parser.skipWhitespace()
            if parser.consume(UInt8(ascii: ",")) { continue }
            if parser.consume(UInt8(ascii: "]")) { return Records(offsets: offsets, end: end) }
            return nil
        }
    }

    /// The end of the record at `start`, reading on while it runs past what has been read.
    private func endOfRecord(from start: Int) -> Int? {
        while true {
            let read = UnsafeBufferPointer(rebasing: file.bytes[..<file.readThrough])
            if let end = Self.endOfValue(read, from: start) { return end }
            guard file.readThrough < file.count else { return nil }
            // Doubling what the record has so far: a huge record is rescanned a few times, not once per window.
            file.readSequentially(through: file.readThrough + max(file.window, file.readThrough - start))
        }
    }

    /// Where the value starting at `start` ends, by matching brackets outside strings. It does not validate:
    /// the record's own parse does, and a record whose parse does not end here is a syntax error anyway.
    static func endOfValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
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
        while true {
            position = ByteScan.firstBracketOrQuote(bytes, from: position)
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                position += 1
                if depth == 0 { return position }
            default:  // a quote
                guard let end = endOfString(bytes, from: position) else { return nil }
                position = end
            }
        }
    }

    private static func endOfString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var position = start + 1
        while true {
            position = ByteScan.firstQuoteOrBackslash(bytes, from: position)
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: "\"") { return position + 1 }
            position += 2  // an escape: the byte after the backslash is never the end
        }
    }
}
