/// A fast 64-bit hash of bytes, eight at a time (after xxHash64's round), for ETags and the dataset version:
/// it must be stable across runs and builds and see every byte, not resist an attacker.
public struct Hash64: Sendable {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private(set) var state: UInt64
    private var length: UInt64 = 0

    public init(seed: UInt64 = 0) {
        state = seed &+ Self.prime3
    }

    public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let count = bytes.count
        var state = self.state
        while offset + 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            state = Self.round(state, word)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        // The tail's length is mixed in with it, so "a" and "a\0" differ.
        state = Self.round(state, tail ^ (UInt64(count & 7) << 56))
        self.state = state
        length &+= UInt64(count)
    }

    /// Hashes bytes whose count is a multiple of 8 with no closing tail round, so that a long input hashed piece by
    /// piece (all but the last piece this way, the last with `combine`) hashes as it would in one piece.
    mutating func combineWords(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count % 8 == 0, "combineWords takes whole words")
        var state = self.state
        for offset in stride(from: 0, to: bytes.count, by: 8) {
            state = Self.round(state, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        }
        self.state = state
        length &+= UInt64(bytes.count)
    }

    public mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    public mutating func combine(_ value: UInt64) {
        state = Self.round(state, value)
        length &+= 8
    }

    public mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    public var value: UInt64 {
        var hash = state ^ length
        hash ^= hash >> 33
        hash &*= Self.prime2
        hash ^= hash >> 29
        hash &*= Self.prime3
        hash ^= hash >> 32
        return hash
    }

    public var hex: String { Self.hex(value) }

    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    @inline(__always)
    private static func round(_ state: UInt64, _ word: UInt64) -> UInt64 {
        var state = state ^ (word &* prime2)
        state = (state << 31 | state >> 33) &* prime1
        return state
    }
}
