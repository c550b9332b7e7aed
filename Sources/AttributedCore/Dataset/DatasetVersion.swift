/// The dataset version: a 64-bit hash over every file's name and bytes, as 16 hex digits. Each file is hashed on
/// its own (in parallel, while it is scanned) and the per-file hashes are combined in file order.
/// An identifier for caches and clients, not a security boundary, so a fast non-cryptographic hash is enough.
enum DatasetVersion {
    static func hash(of file: SourceFile) -> UInt64 {
        var hash = Hash64()
        hash.combine(file.baseName)
        hash.combine(file.buffer.contentHash())
        return hash.value
    }

    static func of(fileHashes: [UInt64]) -> String {
        var hash = Hash64()
        for fileHash in fileHashes { hash.combine(fileHash) }
        return hash.hex
    }
}
