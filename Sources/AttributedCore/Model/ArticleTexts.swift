/// An article's headline, body and summary bullets, as UTF-8 in one buffer this object owns and frees. A field's
/// bytes are found by address (`bytes(of:)`), with no String to copy or retain: claims render their quotes straight
/// from here, and at a million claims retaining the article's String was a cache miss of its own on every claim
/// served. The `String` views (`Article.body` and the others) are copies, for the pages and exports that want them.
public final class ArticleTexts: @unchecked Sendable {  // immutable once built; the buffer lives as long as it does
    private let storage: UnsafeMutableBufferPointer<UInt8>
    /// Field `slot`'s bytes are `storage[bounds[slot] ..< bounds[slot + 1]]`: slot 0 is the headline, 1 the body,
    /// 2 + i summary bullet i.
    private let bounds: [Int]

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

    /// The slot of a field: nil for a summary bullet the article does not have.
    func slot(_ field: ArticleField, index: Int) -> Int? {
        switch field {
        case .headline: 0
        case .body: 1
        case .summary: (0..<summaryCount).contains(index) ? 2 + index : nil
        }
    }

    var slotCount: Int { bounds.count - 1 }

    /// The bytes of a slot, valid for as long as this object is alive.
    func bytes(ofSlot slot: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: storage[bounds[slot]..<bounds[slot + 1]])
    }

    func string(ofSlot slot: Int) -> String { String(decoding: bytes(ofSlot: slot), as: UTF8.self) }
}
