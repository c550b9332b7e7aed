/// The dataset version: FNV-1a (64-bit) over every file's name and bytes, as 16 hex digits.
/// An identifier for caches and clients, not a security boundary, so a fast non-cryptographic hash is enough.
enum DatasetVersion {
    static func of(_ files: [(name: String, bytes: [UInt8])]) -> String {
        var hash = FNV1a64()
        for (name, bytes) in files {
            hash.combine(name.utf8)
            hash.combine([0])
            hash.combine(bytes)
            hash.combine([0])
        }
        return hash.hex
    }
}
