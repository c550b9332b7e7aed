/// One field of an article (headline, a summary bullet, the body) as the offset space of spans and cues.
/// Offsets are Unicode scalars; the text stays UTF-8, with the byte offset of every 64th scalar noted, so that a
/// scalar offset turns into a byte offset in O(64) and no field is ever copied into 4-byte scalars.
struct FieldText: Sendable {
    /// The article's texts and which of them this is: read in place, never copied.
    private let texts: ArticleTexts
    private let slot: Int
    let scalarCount: Int
    /// For ASCII text, scalar offsets are byte offsets and no checkpoints are needed.
    private let isASCII: Bool
    private let checkpoints: [UInt32]
    private static let stride = 64

    /// A text on its own (tests, tools).
    init(_ string: String) {
        self.init(ArticleTexts(headline: string, body: "", summary: []), slot: ArticleTexts.headlineSlot)
    }

    init(_ texts: ArticleTexts, slot: Int) {
        self.texts = texts
        self.slot = slot
        var count = 0
        var checkpoints: [UInt32] = []
        var ascii = true
        let bytes = texts.bytes(ofSlot: slot)
        if let base = bytes.baseAddress {
            var offset = 0
            while offset < bytes.count {
                // A word none of whose scalars is due a checkpoint is counted whole (ByteScan), the rest byte by byte.
                if offset + 8 <= bytes.count {
                    let word = ByteScan.word(base, offset)
                    let starts = ByteScan.scalarStarts(word).nonzeroBitCount
                    let phase = count % Self.stride
                    if starts == 0 || (phase != 0 && phase + starts <= Self.stride) {
                        if ByteScan.hasNonASCII(word) { ascii = false }
                        count += starts
                        offset += 8
                        continue
                    }
                }
                let byte = base[offset]
                if byte & 0xC0 != 0x80 {
                    if count % Self.stride == 0 { checkpoints.append(UInt32(offset)) }
                    if byte >= 0x80 { ascii = false }
                    count += 1
                }
                offset += 1
            }
        }
        scalarCount = count
        isASCII = ascii
        self.checkpoints = ascii ? [] : checkpoints
    }

    /// The byte offset of a scalar offset in `0...scalarCount`.
    func byteOffset(ofScalar scalar: Int) -> Int {
        if isASCII { return scalar }
        return withUTF8 { bytes in
            if scalar >= scalarCount { return bytes.count }
            var offset = Int(checkpoints[scalar / Self.stride])
            var remaining = scalar % Self.stride
            while remaining > 0 {
                offset += 1
                while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                remaining -= 1
            }
            return offset
        }
    }

    /// The scalar offset of a byte offset at a scalar boundary in `0...utf8.count`: the checkpoint at or before it,
    /// found by binary search, then at most 63 scalars counted.
    func scalarOffset(ofByte byte: Int) -> Int {
        if isASCII { return byte }
        var low = 0
        var high = checkpoints.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(checkpoints[mid]) <= byte { low = mid } else { high = mid - 1 }
        }
        guard !checkpoints.isEmpty else { return 0 }
        return withUTF8 { bytes in
            low * Self.stride + ByteScan.scalarStarts(bytes, in: Int(checkpoints[low])..<byte)
        }
    }

    func scalarRange(ofBytes range: Range<Int>) -> Range<Int> {
        scalarOffset(ofByte: range.lowerBound)..<scalarOffset(ofByte: range.upperBound)
    }

    func byteRange(ofScalars range: Range<Int>) -> Range<Int> {
        byteOffset(ofScalar: range.lowerBound)..<byteOffset(ofScalar: range.upperBound)
    }

    /// Whether the text at these UTF-8 bytes is exactly `other`: the same scalars are the same bytes.
    func matches(_ other: String, bytes: Range<Int>) -> Bool {
        var other = other
        return withUTF8 { text in
            bytes.lowerBound >= 0 && bytes.upperBound <= text.count
                && other.withUTF8 { $0.hasSameBytes(as: UnsafeBufferPointer(rebasing: text[bytes])) }
        }
    }

    /// The text at a scalar range, for messages.
    func substring(_ range: Range<Int>) -> String {
        let bytes = byteRange(ofScalars: range)
        return withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self) }
    }

    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { body(texts.bytes(ofSlot: slot)) }

    /// A copy of the text, for messages.
    var string: String { texts.string(ofSlot: slot) }
}

/// An article's fields as offset spaces, built once per article while claims are checked against them.
struct ArticleText: Sendable {
    let articleId: String
    let headline: FieldText
    let summary: [FieldText]
    let body: FieldText

    init(_ article: Article) {
        articleId = article.id
        let texts = article.texts
        headline = FieldText(texts, slot: ArticleTexts.headlineSlot)
        body = FieldText(texts, slot: ArticleTexts.bodySlot)
        summary = (0..<texts.summaryCount).compactMap { texts.slot(.summary, index: $0).map { FieldText(texts, slot: $0) } }
    }

    func field(_ field: ArticleField, index: Int?) -> FieldText? {
        switch field {
        case .headline: headline
        case .body: body
        case .summary: index.flatMap { summary.indices.contains($0) ? summary[$0] : nil }
        }
    }
}
