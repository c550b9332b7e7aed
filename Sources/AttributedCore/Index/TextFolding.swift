/// Splits text into search terms and folds them, the same way for indexed text and for query words.
///
/// The rules, applied to the text's Unicode scalars:
/// 1. The text is put in NFKD form (compatibility decomposition): `ﬁ` → `fi`, full-width `Ａ` → `A`, `²` → `2`,
///    `é` → `e` + combining acute.
/// 2. Every scalar is lower-cased with its Unicode default lower-case mapping, and a few letters that have no
///    decomposition are spelled out: `ß` → `ss`, `æ` → `ae`, `œ` → `oe`, `ø` → `o`, `đ` and `ð` → `d`, `þ` → `th`,
///    `ł` → `l`, `ħ` → `h`, `ŧ` → `t`, dotless `ı` → `i`, and the Greek final `ς` → `σ`.
/// 3. Nonspacing and enclosing marks (general categories Mn, Me: accents, Arabic and Hebrew vowel points) and format
///    characters (Cf: soft hyphen, zero-width joiners, direction marks) are dropped without separating anything.
/// 4. A term is a maximal run of letters (L*), numbers (N*) and spacing marks (Mc, such as Devanagari vowel signs);
///    every other scalar (spaces, punctuation, symbols, emoji, controls) separates terms.
///
/// So `Núñez` gives `nunez`, `Ærø` gives `aero`, `Al-Ama` and `al ama` both give `al`, `ama`, and a text with no letter or
/// digit gives no term. Any script's letters stay letters: Arabic and Urdu words are terms, without their vowel points.
enum TextFolding {
    /// Calls `body` with each term of `text`, in order, repeats included.
    static func forEachTerm(in text: String, _ body: (String) -> Void) {
        forEachTermBytes(in: text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    static func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append($0) }
        return terms
    }

    /// The core: each term's folded UTF-8 bytes, valid only during the call (the indexer interns them without making
    /// a `String`). ASCII is folded by a byte loop; a non-ASCII scalar appends its `ScalarFolding` bytes, where a zero
    /// byte ends the term.
    static func forEachTermBytes(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            guard !utf8.isEmpty else { return }
            var term = TermBuffer(capacity: utf8.count + 16)
            defer { term.deallocate() }
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    if byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 {
                        term.append(byte)
                    } else if byte &- UInt8(ascii: "A") < 26 {
                        term.append(byte | 0x20)
                    } else {
                        term.flush(body)
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = decodeScalar(utf8, at: index)
                ScalarFolding.withFolded(scalar) { folded in
                    for byte in folded {
                        if byte == 0 { term.flush(body) } else { term.append(byte) }
                    }
                }
                index += length
            }
            term.flush(body)
        }
    }

    /// Decodes the multi-byte scalar that starts at `index` of valid UTF-8 (Swift strings are always valid).
    @inline(__always)
    private static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(utf8[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

/// The bytes of the term being folded: a manually grown buffer, since folding can lengthen a term (`ﬃ` → `ffi`) and
/// an array append in the innermost loop would cost a uniqueness and capacity check per byte.
private struct TermBuffer {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        start = .allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow() }
        start[count] = byte
        count += 1
    }

    /// Hands the term, if any, to `body` and starts the next one.
    @inline(__always)
    mutating func flush(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard count > 0 else { return }
        body(UnsafeBufferPointer(start: start, count: count))
        count = 0
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: start, count: count)
        start.deallocate()
        start = larger
        capacity *= 2
    }

    func deallocate() { start.deallocate() }
}
