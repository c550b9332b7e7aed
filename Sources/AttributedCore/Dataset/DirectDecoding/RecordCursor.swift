import Glibc

/// Reads one record's JSON straight from the file's bytes, for the claim decoder's direct path: no tree, no message.
/// It accepts only the plain form (non-negative integers without sign, fraction or exponent; keys, ids and enum
/// values without escapes) and gives up on anything else with `Miss`; the record is then decoded the ordinary way, which
/// accepts every valid form and words every problem.
struct RecordCursor {
    struct Miss: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int

    init(bytes: UnsafeBufferPointer<UInt8>, at position: Int) {
        self.bytes = bytes
        self.position = position
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ byte: UInt8) throws(Miss) {
        guard consume(byte) else { throw Miss() }
    }

    /// The next byte that is not whitespace, not consumed.
    private mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    var nextIsNull: Bool {
        mutating get {
            guard peek() == UInt8(ascii: "n"), position + 4 <= bytes.count, bytes[position + 1] == UInt8(ascii: "u"),
                  bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l") else { return false }
            position += 4
            return true
        }
    }

    var nextIsString: Bool { mutating get { peek() == UInt8(ascii: "\"") } }

    // MARK: Containers

    /// Starts an object; then `nextKey(in:_:)` until it returns nil.
    mutating func beginObject() throws(Miss) { try expect(UInt8(ascii: "{")) }

    /// The next member's key as its position in `keys`, the cursor then at its value; nil after the closing brace.
    /// A key not in `keys`, or one already in `seen`, is a miss.
    mutating func nextKey(in keys: [StaticString], _ seen: inout SeenKeys) throws(Miss) -> Int? {
        if consume(UInt8(ascii: "}")) { return nil }
        if !seen.isEmpty { try expect(UInt8(ascii: ",")) }
        let name = try stringBytes()
        // Compared as bytes: no String is made for a key.
        guard let key = keys.firstIndex(where: {
            $0.utf8CodeUnitCount == name.count && memcmp($0.utf8Start, name.baseAddress!, name.count) == 0
        }) else { throw Miss() }
        try seen.insert(key)
        try expect(UInt8(ascii: ":"))
        return key
    }

    mutating func beginArray() throws(Miss) { try expect(UInt8(ascii: "[")) }

    /// Whether another element follows (the cursor then at it); false after the closing bracket.
    mutating func nextElement(_ count: inout Int) throws(Miss) -> Bool {
        if consume(UInt8(ascii: "]")) { return false }
        if count > 0 { try expect(UInt8(ascii: ",")) }
        count += 1
        return true
    }

    /// Moves past the value here without reading it (it is read later, from `position` before the skip).
    mutating func skipValue() throws(Miss) {
        skipWhitespace()
        guard let end = RecordScanner.endOfValue(bytes, from: position) else { throw Miss() }
        position = end
    }

    mutating func move(to position: Int) { self.position = position }

    // MARK: Scalars

    /// A string, valid UTF-8; `nonEmpty` as the ordinary reader asks. One with escapes (a quote within a quote, in
    /// real news text) is read by the parser itself, so that it means exactly what it means on the ordinary path.
    mutating func string(nonEmpty: Bool = false) throws(Miss) -> String {
        try expect(UInt8(ascii: "\""))
        let end = ByteScan.firstQuoteBackslashOrControl(bytes, from: position)
        guard end < bytes.count else { throw Miss() }
        if bytes[end] == UInt8(ascii: "\"") {
            let content = UnsafeBufferPointer(rebasing: bytes[position..<end])
            guard !nonEmpty || !content.isEmpty, let string = JSONParser.string(content) else { throw Miss() }
            position = end + 1
            return string
        }
        // An escape (or a control character, which the parser refuses): an escape always stands for something.
        var parser = JSONParser(bytes: bytes, offset: position - 1)
        guard let string = try? parser.parseString() else { throw Miss() }
        position = parser.position
        return string
    }

    /// The bytes between a string's quotes, the cursor then after it; a miss on an escape or a control character.
    mutating func stringBytes() throws(Miss) -> UnsafeBufferPointer<UInt8> {
        try expect(UInt8(ascii: "\""))
        let start = position
        let end = ByteScan.firstQuoteBackslashOrControl(bytes, from: start)
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { throw Miss() }
        position = end + 1
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// A non-negative integer written plainly (no leading zero, sign, fraction or exponent).
    mutating func int() throws(Miss) -> Int {
        skipWhitespace()
        let start = position
        var value = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            // 18 digits always fit an Int; a longer number is left to the ordinary path.
            guard position - start < 18 else { throw Miss() }
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
        }
        let digits = position - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { throw Miss() }
        if position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): throw Miss()
            default: break
            }
        }
        return value
    }

    /// A string naming one case of `names`' enum, matched as bytes: no String is made.
    mutating func enumValue<E>(_ names: EnumNames<E>) throws(Miss) -> E {
        guard let value = names.value(try stringBytes()) else { throw Miss() }
        return value
    }
}

/// The names (raw values) of an enum's cases as bytes. Made once per enum: a claim names about a dozen cases, and
/// making a String of each and switching over the names was about a twentieth of reading the claim.
struct EnumNames<E: CaseIterable & RawRepresentable & Sendable>: Sendable where E.RawValue == String {
    private let names: [(bytes: [UInt8], value: E)]

    init() { names = E.allCases.map { (Array($0.rawValue.utf8), $0) } }

    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> E? {
        names.first { name in name.bytes.withUnsafeBufferPointer { $0.hasSameBytes(as: bytes) } }?.value
    }
}

/// Which of a record's keys have been seen: a repeated key sends the record down the ordinary path (which reports it).
struct SeenKeys {
    private var bits: UInt32 = 0

    /// No key yet: the next one is the object's first, with no comma before it.
    var isEmpty: Bool { bits == 0 }

    mutating func insert(_ key: Int) throws(RecordCursor.Miss) {
        let bit: UInt32 = 1 << UInt32(key)
        guard bits & bit == 0 else { throw RecordCursor.Miss() }
        bits |= bit
    }
}
