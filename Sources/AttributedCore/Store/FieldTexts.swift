/// Where the bytes of every article field are, for the claim table: a claim's span and cues are read from here by
/// address, so rendering a claim copies its quotes without touching its article or any String.
struct FieldTexts: @unchecked Sendable {  // the buffers belong to `owners`, which this keeps alive and never changes
    /// Article `a`'s fields are `fields[firstField[a] ..< firstField[a + 1]]`, in `ArticleTexts` slot order.
    private let fields: [UnsafeBufferPointer<UInt8>]
    private let firstField: [UInt32]
    private let owners: [ArticleTexts]

    init(_ articles: [Article]) {
        owners = articles.map(\.texts)
        var fields: [UnsafeBufferPointer<UInt8>] = []
        var firstField: [UInt32] = [0]
        firstField.reserveCapacity(articles.count + 1)
        for texts in owners {
            for slot in 0..<texts.slotCount { fields.append(texts.bytes(ofSlot: slot)) }
            precondition(fields.count <= Int(UInt32.max), "more article fields than ordinals can count")
            firstField.append(UInt32(fields.count))
        }
        self.fields = fields
        self.firstField = firstField
    }

    /// The UTF-8 of an article's field; empty for a summary bullet it does not have.
    func bytes(article: Int, field: ArticleField, summaryIndex: Int) -> UnsafeBufferPointer<UInt8> {
        let first = Int(firstField[article])
        let summaryCount = Int(firstField[article + 1]) - first - ArticleTexts.bodySlot - 1
        guard let slot = ArticleTexts.slot(field, index: summaryIndex, summaryCount: summaryCount) else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return fields[first + slot]
    }
}
