import Foundation  // only for the compatibility decomposition of runs that hold a non-ASCII letter, mark or symbol

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
    /// a `String`). ASCII is folded by a byte loop; a run holding a non-ASCII letter, mark, number or symbol goes
    /// through `foldUnicodeRun`. Non-ASCII punctuation, spaces and controls (curly quotes, dashes, no-break spaces)
    /// separate in the byte loop too: their compatibility decompositions hold no letter or digit, so splitting there
    /// before decomposing gives the same terms.
    static func forEachTermBytes(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            guard !utf8.isEmpty else { return }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { lowered in
                var runStart = 0        // first byte of the current run in `utf8`
                var loweredCount = 0    // folded bytes of the current run so far, when it is all ASCII
                var runIsASCII = true
                var index = 0

                func endRun(at end: Int) {
                    if !runIsASCII {
                        foldUnicodeRun(UnsafeBufferPointer(rebasing: utf8[runStart..<end]), body)
                    } else if loweredCount > 0 {
                        body(UnsafeBufferPointer(rebasing: lowered[0..<loweredCount]))
                    }
                    loweredCount = 0
                    runIsASCII = true
                }

                while index < utf8.count {
                    let byte = utf8[index]
                    if byte < 0x80 {
                        if byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 {
                            lowered[loweredCount] = byte
                            loweredCount += 1
                        } else if byte &- UInt8(ascii: "A") < 26 {
                            lowered[loweredCount] = byte | 0x20
                            loweredCount += 1
                        } else {
                            endRun(at: index)
                            runStart = index + 1
                        }
                        index += 1
                        continue
                    }
                    let (scalar, length) = decodeScalar(utf8, at: index)
                    if separatesBeforeFolding(scalar) {
                        endRun(at: index)
                        runStart = index + length
                    } else {
                        runIsASCII = false
                    }
                    index += length
                }
                endRun(at: utf8.count)
            }
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

    /// Punctuation, spaces and controls: checked over every scalar, their NFKD forms hold no letter, number or
    /// kept mark, so they separate whether or not the text is decomposed first.
    @inline(__always)
    private static func separatesBeforeFolding(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
            true
        default:
            false
        }
    }

    /// The slow path for one run between separators that holds a non-ASCII scalar: rules 1–4 scalar by scalar.
    private static func foldUnicodeRun(_ run: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let decomposed = String(decoding: run, as: UTF8.self).decomposedStringWithCompatibilityMapping
        var term: [UInt8] = []
        func flush() {
            if !term.isEmpty { term.withUnsafeBufferPointer(body) }
            term.removeAll(keepingCapacity: true)
        }
        for scalar in decomposed.unicodeScalars {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                switch lower.properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .format:
                    continue
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber, .spacingMark:
                    if let spelled = spelledOut(lower) {
                        term.append(contentsOf: spelled.utf8)
                    } else {
                        term.append(contentsOf: String(lower).utf8)
                    }
                default:
                    flush()
                }
            }
        }
        flush()
    }

    /// Lower-case letters that NFKD leaves alone but a reader would type without their stroke or ligature.
    private static func spelledOut(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "ß": "ss"
        case "æ": "ae"
        case "œ": "oe"
        case "ø": "o"
        case "đ", "ð": "d"
        case "þ": "th"
        case "ł": "l"
        case "ħ": "h"
        case "ŧ": "t"
        case "ı": "i"
        case "ς": "σ"
        default: nil
        }
    }
}
