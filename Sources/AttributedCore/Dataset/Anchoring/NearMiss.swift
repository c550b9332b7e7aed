/// Text that a quote nearly matches: the same words differing only in case, in runs of whitespace, or in quote,
/// apostrophe and dash variants (`'` for `’`, `-` for `–`). Looked for only once a quote is not found, so that the
/// error can show what the author most likely meant and where it is.
struct NearMiss {
    enum Difference: String, CaseIterable {
        case letterCase = "case"
        case whitespace = "whitespace"
        case punctuation = "quotes, apostrophes or dashes"
    }

    /// In scalars of the field.
    let range: Range<Int>
    let text: String
    let differences: [Difference]
    /// How many scalars or whitespace runs differ: fewer is closer.
    let distance: Int

    /// "case and whitespace"
    var differenceDescription: String { listed(differences.map(\.rawValue)) }

    /// Every near miss of `quote` starting at or after scalar `from`, in text order.
    static func all(of quote: String, in field: FieldText, fromScalar from: Int = 0) -> [NearMiss] {
        let scalars = Array(field.string.unicodeScalars)
        let text = FoldedText(scalars)
        let quoteScalars = Array(quote.unicodeScalars)
        let folded = FoldedText(quoteScalars)
        return text.matches(of: folded.keys).compactMap { first -> NearMiss? in
            let pieces = text.pieces[first..<first + folded.keys.count]
            guard let start = pieces.first?.lowerBound, let end = pieces.last?.upperBound, start >= from else { return nil }
            var differences = Set<Difference>()
            var distance = 0
            for (textPiece, quotePiece) in zip(pieces, folded.pieces) {
                let written = quoteScalars[quotePiece], found = scalars[textPiece]
                guard !written.elementsEqual(found) else { continue }
                distance += 1
                if written.allSatisfy(\.properties.isWhitespace) {
                    differences.insert(.whitespace)
                } else if written.allSatisfy(FoldedText.isPunctuationVariant) {
                    differences.insert(.punctuation)
                } else {
                    differences.insert(.letterCase)
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return NearMiss(range: start..<end, text: String(view),
                            differences: Difference.allCases.filter(differences.contains), distance: distance)
        }
    }
}

/// Text folded for near-miss comparison: one key per scalar (lowercased, quote and dash variants unified), a run of
/// whitespace as one space; each key remembers the scalars it stands for.
private struct FoldedText {
    var keys: [UInt32] = []
    var pieces: [Range<Int>] = []

    init(_ scalars: [Unicode.Scalar]) {
        keys.reserveCapacity(scalars.count)
        pieces.reserveCapacity(scalars.count)
        for (offset, scalar) in scalars.enumerated() {
            if scalar.properties.isWhitespace {
                if keys.last == 0x20, let run = pieces.last, run.upperBound == offset,
                   scalars[run.lowerBound].properties.isWhitespace {
                    pieces[pieces.count - 1] = run.lowerBound..<offset + 1
                    continue
                }
                keys.append(0x20)
            } else {
                keys.append(Self.key(scalar))
            }
            pieces.append(offset..<offset + 1)
        }
    }

    private static let doubleQuotes: Set<UInt32> = [0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB]
    private static let singleQuotes: Set<UInt32> = [0x27, 0x60, 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2039, 0x203A]
    private static let dashes: Set<UInt32> = [0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]

    static func isPunctuationVariant(_ scalar: Unicode.Scalar) -> Bool {
        doubleQuotes.contains(scalar.value) || singleQuotes.contains(scalar.value) || dashes.contains(scalar.value)
    }

    private static func key(_ scalar: Unicode.Scalar) -> UInt32 {
        if doubleQuotes.contains(scalar.value) { return 0x22 }
        if singleQuotes.contains(scalar.value) { return 0x27 }
        if dashes.contains(scalar.value) { return 0x2D }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : scalar.value
    }

    /// Where `needle` starts among the keys (Knuth–Morris–Pratt: linear, even on repetitive text).
    func matches(of needle: [UInt32]) -> [Int] {
        guard !needle.isEmpty, needle.count <= keys.count else { return [] }
        var failure = [0]
        var matched = 0
        for key in needle.dropFirst() {
            while matched > 0, needle[matched] != key { matched = failure[matched - 1] }
            if needle[matched] == key { matched += 1 }
            failure.append(matched)
        }
        var found: [Int] = []
        matched = 0
        for (offset, key) in keys.enumerated() {
            while matched > 0, needle[matched] != key { matched = failure[matched - 1] }
            if needle[matched] == key { matched += 1 }
            if matched == needle.count {
                found.append(offset + 1 - needle.count)
                matched = failure[matched - 1]
            }
        }
        return found
    }
}
