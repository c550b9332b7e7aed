import Foundation  // compatibility decomposition, once per table entry and for scalars outside the table

/// How one non-ASCII scalar folds (rules 1–4 of `TextFolding` applied to it alone): UTF-8 bytes to append to the term,
/// where a zero byte means "a term ends here" (no term holds a zero byte: U+0000 is a control).
///
/// Folding scalar by scalar equals folding the decomposed text: decomposition maps each scalar on its own, and
/// canonical reordering only swaps adjacent marks with nonzero combining classes, which are dropped (Mn) except for a
/// few dozen spacing viramas, never adjacent in real text. Computed once per scalar into a table for the scripts a news
/// corpus uses, so Foundation stays out of the indexing loop.
enum ScalarFolding {
    /// The folded bytes of `scalar` (never ASCII) passed to `body`.
    @inline(__always)
    static func withFolded<Result>(_ scalar: Unicode.Scalar, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let value = scalar.value
        if let entry = table.entry(value) {
            return table.bytes.withUnsafeBufferPointer { bytes in
                body(UnsafeBufferPointer(rebasing: bytes[Int(entry >> 8)..<Int(entry >> 8) + Int(entry & 0xFF)]))
            }
        }
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x3134F).contains(value) {
            // CJK ideographs: letters without decomposition or case.
            return withUnsafeBytes(of: scalar.utf8Bytes) { raw in
                body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<scalar.utf8.count]))
            }
        }
        return fold(scalar).withUnsafeBufferPointer(body)
    }

    /// Rules 1–4 for one scalar, the slow way.
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        var folded: [UInt8] = []
        for decomposed in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
            for lower in decomposed.properties.lowercaseMapping.unicodeScalars {
                switch lower.properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .format:
                    continue
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber, .spacingMark:
                    folded.append(contentsOf: (spelledOut(lower) ?? String(lower)).utf8)
                default:
                    folded.append(0)
                }
            }
        }
        return folded
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

    private static let table = Table()

    /// Folded bytes of U+0080–U+33FF (Latin through the CJK symbols and kana) and U+F900–U+FFFF (compatibility
    /// ideographs, presentation forms, full- and half-width forms): about 15,000 scalars, built in milliseconds.
    private struct Table: Sendable {
        static let ranges: [ClosedRange<UInt32>] = [0x80...0x33FF, 0xF900...0xFFFF]
        /// Per scalar of `ranges`, in order: (offset in `bytes` << 8) | byte count.
        let entries: [UInt32]
        let bytes: [UInt8]

        init() {
            var entries: [UInt32] = []
            var bytes: [UInt8] = []
            for range in Self.ranges {
                for value in range {
                    // Surrogates are no scalars; they never occur in a String.
                    let folded = Unicode.Scalar(value).map(ScalarFolding.fold) ?? [0]
                    entries.append(UInt32(bytes.count) << 8 | UInt32(folded.count))
                    bytes.append(contentsOf: folded)
                }
            }
            self.entries = entries
            self.bytes = bytes
        }

        @inline(__always)
        func entry(_ value: UInt32) -> UInt32? {
            if value <= 0x33FF { return entries[Int(value - 0x80)] }
            if value >= 0xF900 && value <= 0xFFFF { return entries[Int(value - 0xF900) + 0x3380] }
            return nil
        }
    }
}

private extension Unicode.Scalar {
    /// The scalar's UTF-8 bytes in the low bytes of a word.
    var utf8Bytes: UInt32 {
        var word: UInt32 = 0
        for (index, byte) in utf8.enumerated() { word |= UInt32(byte) << (8 * UInt32(index)) }
        return word
    }
}
