/// Strings stored back to back in one UTF-8 buffer. A reference is 8 bytes instead of a 16-byte `String` plus a
/// heap object per value: at a million claims that is the difference between megabytes and gigabytes.
struct StringArena: Sendable {
    private(set) var bytes: [UInt8] = []

    /// Where one string stands in the arena.
    struct Reference: Sendable, Equatable {
        var offset: UInt32
        var length: UInt32

        static let empty = Reference(offset: 0, length: 0)
    }

    init() {}

    mutating func append(_ string: String) -> Reference {
        var string = string
        return string.withUTF8 { append($0) }
    }

    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) -> Reference {
        let reference = Reference(offset: UInt32(truncatingIfNeeded: bytes.count), length: UInt32(utf8.count))
        precondition(bytes.count + utf8.count <= Int(UInt32.max), "string arena is limited to 4 GiB")
        bytes.append(contentsOf: utf8)
        return reference
    }

    mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }

    /// Appends another arena's bytes; its references move by the returned shift.
    mutating func append(contentsOf other: StringArena) -> UInt32 {
        let shift = UInt32(bytes.count)
        precondition(bytes.count + other.bytes.count <= Int(UInt32.max), "string arena is limited to 4 GiB")
        bytes.append(contentsOf: other.bytes)
        return shift
    }

    func prefetch(_ reference: Reference) { bytes.prefetch(Int(reference.offset)) }

    func string(_ reference: Reference) -> String {
        bytes.withUnsafeBufferPointer { all in
            String(decoding: UnsafeBufferPointer(rebasing: all[Int(reference.offset)..<Int(reference.offset + reference.length)]),
                   as: UTF8.self)
        }
    }

    func withBytes<R>(_ reference: Reference, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Int(reference.offset)..<Int(reference.offset + reference.length)]))
        }
    }
}
