import Glibc

extension UnsafeBufferPointer<UInt8> {
    /// Whether both hold the same bytes: one `memcmp`, where `elementsEqual` steps a byte at a time (ids and quoted
    /// words are compared this way for every claim at load, and a claim id on every request).
    func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        count == other.count && (isEmpty || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }
}
