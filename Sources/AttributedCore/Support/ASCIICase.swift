extension Collection<UInt8> {
    /// Equal to `lowercase` (written in lowercase) with ASCII letters folded: header names and tokens, which HTTP
    /// compares case-insensitively. A plain loop: this runs on every header of every request.
    @inlinable
    public func equalsIgnoringASCIICase(_ lowercase: StaticString) -> Bool {
        guard count == lowercase.utf8CodeUnitCount else { return false }
        var expected = lowercase.utf8Start
        for byte in self {
            let folded = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
            guard folded == expected.pointee else { return false }
            expected += 1
        }
        return true
    }
}
