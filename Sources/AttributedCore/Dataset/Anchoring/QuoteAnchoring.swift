/// Places a quote in its field. Offsets that are given are checked, exactly as when every offset was required (so a
/// fully explicit dataset costs what it always did); without them the words are searched for at the byte level and
/// their scalar offsets found through the field's checkpoints. Every problem is reported with what to do about it.
struct QuoteAnchoring {
    let field: FieldText
    /// "the body", "summary bullet 0"
    let fieldName: String
    /// How messages name the words ("exact", "cue") and the key they are reported at ("exact", "text").
    let noun: String
    let wordsKey: String
    let source: SelectorSource
    /// For a long field searched again and again (see `QuoteIndexCache`).
    var index: QuoteIndex? = nil

    /// W3C prefixes and suffixes that the author leaves out are this many scalars of the text (fewer at its edges).
    static let defaultContext = 32

    // MARK: Given offsets

    /// The words at the given offsets: both checked, or one of them and the other counted from the words.
    func checkPosition(_ words: String, start: Int?, end: Int?) -> (scalars: Range<Int>, bytes: Range<Int>)? {
        let length = field.scalarCount
        // Counted only when one offset is missing: with both, checking costs what it always did.
        var count: Int { words.unicodeScalars.count }
        let range: Range<Int>
        switch (start, end) {
        case let (start?, end?):
            if start >= end {
                source.report("end \(end) must be greater than start \(start)", "end")
                return nil
            }
            if end > length {
                source.report("end \(end) is past the end of the text (\(length) Unicode scalars)", "end")
                return nil
            }
            range = start..<end
        case let (start?, nil):
            guard count <= length, start <= length - count else {  // no `start + count`: a huge start must not overflow
                source.report("start \(start) plus the \(count) scalars of \(noun) \(quoted(words)) runs past the end of the text "
                       + "(\(length) Unicode scalars): correct start, or leave it out to have the words found", "start")
                return nil
            }
            range = start..<start + count
        case let (nil, end?):
            guard end <= length, end >= count else {
                source.report(end > length ? "end \(end) is past the end of the text (\(length) Unicode scalars)"
                                    : "end \(end) minus the \(count) scalars of \(noun) \(quoted(words)) is before the start of the text: "
                                      + "correct end, or leave it out to have the words found",
                       "end")
                return nil
            }
            range = end - count..<end
        case (nil, nil):
            preconditionFailure("a position needs start or end")
        }
        let bytes = field.byteRange(ofScalars: range)
        guard field.matches(words, bytes: bytes) else {
            source.report("\(noun) \(quoted(words)) does not match the text at \(range.lowerBound)..<\(range.upperBound), which is "
                   + quoted(field.substring(range)), wordsKey)
            return nil
        }
        return (range, bytes)
    }

    /// The prefix and suffix around anchored words: checked when given, else the text's own, `defaultContext` scalars.
    func context(of scalars: Range<Int>, bytes: Range<Int>, prefix: String?, suffix: String?) -> SelectorRecord? {
        var consistent = true
        var prefixBytes: Int
        if let prefix {
            prefixBytes = prefix.utf8.count
            if !field.hasText(prefix, endingAt: bytes.lowerBound) {
                let before = field.substring(max(0, scalars.lowerBound - prefix.unicodeScalars.count)..<scalars.lowerBound)
                source.report("prefix \(quoted(prefix)) does not end at \(scalars.lowerBound): the text before it is \(quoted(before))", "prefix")
                consistent = false
            }
        } else {
            prefixBytes = bytes.lowerBound - field.byteOffset(ofScalar: max(0, scalars.lowerBound - Self.defaultContext))
        }
        var suffixBytes: Int
        if let suffix {
            suffixBytes = suffix.utf8.count
            if !field.hasText(suffix, startingAt: bytes.upperBound) {
                let after = field.substring(scalars.upperBound..<min(field.scalarCount, scalars.upperBound + suffix.unicodeScalars.count))
                source.report("suffix \(quoted(suffix)) does not start at \(scalars.upperBound): the text after it is \(quoted(after))", "suffix")
                consistent = false
            }
        } else {
            suffixBytes = field.byteOffset(ofScalar: min(field.scalarCount, scalars.upperBound + Self.defaultContext)) - bytes.upperBound
        }
        guard consistent else { return nil }
        return SelectorRecord(start: UInt32(scalars.lowerBound), end: UInt32(scalars.upperBound),
                              byteStart: UInt32(bytes.lowerBound), byteEnd: UInt32(bytes.upperBound),
                              prefixBytes: UInt32(prefixBytes), suffixBytes: UInt32(suffixBytes))
    }

    /// A span's or segment's selector, placed: by its offsets, or by searching for its words.
    func anchor(_ selector: QuoteSelector, after previous: PreviousSegment? = nil) -> SelectorRecord? {
        let place = selector.givesPosition
            ? checkPosition(selector.exact, start: selector.start, end: selector.end)
            : find(selector, after: previous)
        guard let place else { return nil }
        return context(of: place.scalars, bytes: place.bytes, prefix: selector.prefix, suffix: selector.suffix)
    }

    // MARK: Searching

    func occurrences(of words: String, fromByte from: Int = 0) -> [Int] {
        index?.occurrences(of: words, fromByte: from, in: field) ?? field.occurrences(of: words, fromByte: from)
    }

    /// Where a quote-only segment's search starts: right after the previous segment.
    struct PreviousSegment {
        let number: Int
        let end: Int
        let byteEnd: Int

        var phrase: String { " after segment \(number), which ends at \(end)" }
    }

    /// The one occurrence of the words (after the previous segment) whose text touches the given prefix and suffix.
    private func find(_ selector: QuoteSelector, after previous: PreviousSegment?) -> (scalars: Range<Int>, bytes: Range<Int>)? {
        let words = selector.exact
        let length = words.utf8.count
        if index == nil, let only = onlyOccurrence(selector, fromByte: previous?.byteEnd ?? 0) {
            let bytes = only..<only + length
            return (field.scalarRange(ofBytes: bytes), bytes)
        }
        // None or several: every occurrence is listed, to say which.
        let found = occurrences(of: words, fromByte: previous?.byteEnd ?? 0)
        guard !found.isEmpty else {
            reportMissing(words, after: previous)
            return nil
        }
        var candidates = found
        if let prefix = selector.prefix {
            candidates = candidates.filter { field.hasText(prefix, endingAt: $0) }
            if candidates.isEmpty {
                let starts = found.map(field.scalarOffset(ofByte:))
                reportUntouched("prefix \(quoted(prefix)) does not end", where: "\(quoted(words)) starts", edges: starts,
                                key: "prefix") { "after " + quoted(field.substring(max(0, $0 - prefix.unicodeScalars.count)..<$0)) }
                return nil
            }
        }
        if let suffix = selector.suffix {
            let touching = candidates.filter { field.hasText(suffix, startingAt: $0 + length) }
            if touching.isEmpty {
                let ends = candidates.map { field.scalarOffset(ofByte: $0 + length) }
                reportUntouched("suffix \(quoted(suffix)) does not start", where: "\(quoted(words)) ends", edges: ends,
                                key: "suffix") { "before " + quoted(field.substring($0..<min(field.scalarCount, $0 + suffix.unicodeScalars.count))) }
                return nil
            }
            candidates = touching
        }
        guard candidates.count == 1 else {
            let starts = candidates.map(field.scalarOffset(ofByte:))
            let context = [selector.prefix.map { _ in "prefix" }, selector.suffix.map { _ in "suffix" }].compactMap { $0 }
            let with = context.isEmpty ? "" : " with that " + context.joined(separator: " and ")
            source.report("\(noun) \(quoted(words)) occurs \(candidates.count) times in \(fieldName)\(previous?.phrase ?? "")\(with), "
                   + "\(offsetList(starts)): add a \"prefix\", \"suffix\" or \"start\" to choose one", wordsKey)
            return nil
        }
        let bytes = candidates[0]..<candidates[0] + length
        return (field.scalarRange(ofBytes: bytes), bytes)
    }

    /// The one occurrence of the words from byte `from` that touches the given prefix and suffix, found by searching
    /// only as far as a second one (a long quote is then one quick pass over the text); nil for none or several.
    private func onlyOccurrence(_ selector: QuoteSelector, fromByte from: Int) -> Int? {
        let length = selector.exact.utf8.count
        let search = QuoteSearch(selector.exact, in: field)
        var only: Int?
        var position = from
        while let found = search.first(fromByte: position) {
            position = found + 1
            if let prefix = selector.prefix, !field.hasText(prefix, endingAt: found) { continue }
            if let suffix = selector.suffix, !field.hasText(suffix, startingAt: found + length) { continue }
            guard only == nil else { return nil }
            only = found
        }
        return only
    }

    /// A given prefix (or suffix) that touches no occurrence of the words: where they are, and what the text has there.
    private func reportUntouched(_ problem: String, where words: String, edges: [Int], key: String,
                                 textAt: (Int) -> String) {
        let place = edges.count == 1
            ? "where \(noun) \(words) (at \(edges[0]), \(textAt(edges[0])))"
            : "where any of the \(edges.count) occurrences of \(noun) \(words) (\(offsetList(edges)))"
        source.report("\(problem) \(place): correct it, or leave it out", key)
    }

    /// Words that do not occur: the segments' order, or the closest near miss, or only that they are not there.
    /// Of near misses equally different, the first in the text is closest unless `closer` says otherwise.
    func reportMissing(_ words: String, after previous: PreviousSegment?,
                       closer: (NearMiss, NearMiss) -> Bool = { $0.distance < $1.distance }) {
        let after = previous?.phrase ?? ""
        if let previous, let earlier = field.occurrences(of: words).first, earlier < previous.byteEnd {
            source.report("\(noun) \(quoted(words)) is not in \(fieldName)\(after); it occurs at \(field.scalarOffset(ofByte: earlier)): "
                   + "list the segments in text order", wordsKey)
            return
        }
        let from = previous?.end ?? 0
        if let closest = NearMiss.all(of: words, in: field, fromScalar: from).min(by: closer) {
            source.report("\(noun) \(quoted(words)) is not in \(fieldName)\(after); the closest text is \(quoted(closest.text)) at "
                   + "\(closest.range.lowerBound)..<\(closest.range.upperBound), which differs in \(closest.differenceDescription): "
                   + "copy the words exactly as the text has them", wordsKey)
        } else {
            source.report("\(noun) \(quoted(words)) is not in \(fieldName)\(after): copy the words exactly as the text has them", wordsKey)
        }
    }
}
