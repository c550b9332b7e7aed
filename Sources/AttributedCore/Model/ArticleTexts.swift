/// An article's headline, body and summary bullets, as UTF-8 in one buffer this object owns and frees. A field's
/// bytes are found by address (`bytes(ofSlot:)`), with no String to copy or retain: claims render their quotes straight
/// from here, and at a million claims retaining the article's String was a cache miss of its own on every claim
/// served. The `String` views (`Article.body` and the others) are copies, for the pages and exports that want them.
public final class ArticleTexts: @unchecked Sendable {  // immutable once built; the buffer lives as long as it does
    private let storage: UnsafeMutableBufferPointer<UInt8>
    /// Field `slot`'s bytes are `storage[bounds[slot] ..< bounds[slot + 1]]`, slots in `slot(_:index:summaryCount:)`'s
    /// order.
    private let bounds: [Int]

    static let headlineSlot = 0
    static let bodySlot = 1

    /// Where a field is among an article's slots (headline, body, then the bullets): nil for a summary bullet the
    /// article does not have, or none named. The one statement of the layout, which `FieldTexts` follows too.
    static func slot(_ field: ArticleField, index: Int?, summaryCount: Int) -> Int? {
        switch field {
        case .headline: headlineSlot
        case .body: bodySlot
        case .summary: index.flatMap { (0..<summaryCount).contains($0) ? bodySlot + 1 + $0 : nil }
        }
    }

    public var summaryCount: Int { bounds.count - 3 }

    init(headline: String, body: String, summary: [String]) {
        let fields = [headline, body] + summary
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, fields.reduce(0) { $0 + $1.utf8.count }))
        var bounds = [0]
        bounds.reserveCapacity(fields.count + 1)
        for var field in fields {
            let start = bounds[bounds.count - 1]
            field.withUTF8 { utf8 in
                _ = UnsafeMutableBufferPointer(rebasing: storage[start..<start + utf8.count]).initialize(from: utf8)
            }
            bounds.append(start + field.utf8.count)
        }
        self.storage = storage
        self.bounds = bounds
    }

    deinit { storage.deallocate() }

    func slot(_ field: ArticleField, index: Int?) -> Int? { Self.slot(field, index: index, summaryCount: summaryCount) }

    var slotCount: Int { bounds.count - 1 }

    /// The bytes of a slot, valid for as long as this object is alive.
    func bytes(ofSlot slot: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: storage[bounds[slot]..<bounds[slot + 1]])
    }

    func string(ofSlot slot: Int) -> String { String(decoding: bytes(ofSlot: slot), as: UTF8.self) }
}
