extension UnsafeRawBufferPointer {
    /// Equal to `lowercase` (written in lowercase) with ASCII letters folded: header names and tokens, which HTTP
    /// compares case-insensitively. An index loop over raw bytes: this runs on every header of every request.
    @inlinable
    public func equalsIgnoringASCIICase(_ lowercase: StaticString) -> Bool {
        let length = lowercase.utf8CodeUnitCount
        guard count == length else { return false }
        let expected = lowercase.utf8Start
        var index = 0
        while index < length {
            let byte = self[index]
            if (byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte) != expected[index] { return false }
            index += 1
        }
        return true
    }
}
