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

    /// An overlay counts by its document (or, for a delete, the articles it deletes), not by the name it was given:
    /// a write validated as `request body` and the same write replayed from the journal give one version.
    static func hash(of overlay: DatasetOverlay) -> UInt64 {
        var hash = Hash64()
        if overlay.document.isEmpty {
            for id in overlay.articles { hash.combine(id) }
        } else {
            overlay.document.withUnsafeBytes { hash.combine($0) }
        }
        return hash.value
    }

    static func of(fileHashes: [UInt64]) -> String {
        var hash = Hash64()
        for fileHash in fileHashes { hash.combine(fileHash) }
        return hash.hex
    }
}
