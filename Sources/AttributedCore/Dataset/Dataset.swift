/// A validated dataset: every reference resolves and every span matches its text. Records are sorted by id
/// (byte order), the order of every list; claims are held in compact form.
public struct Dataset: Sendable {
    public var articles: [Article]
    public var entities: [Entity]
    public var claims: ClaimTable
    /// The `notes` of each file that has any, in file order.
    public var notes: [String]
    /// A hash of every input byte: the same input always gives the same version.
    public var version: String
    /// The hashes the version is made of: one per base file, then one per overlay (`DatasetVersion.hash(of:)`).
    var baseFileHashes: [UInt64] = []
    /// How many claims the loader read straight from their bytes (the rest went through a parsed node).
    var claimsDecodedDirectly = 0
}

extension Dataset {
    /// Sets the version from the base files and these overlay hashes, in order.
    mutating func stamp(overlays: [UInt64]) {
        version = DatasetVersion.of(fileHashes: baseFileHashes + overlays)
    }
}

extension Dataset {
    var counts: (articles: Int, entities: Int, claims: Int) { (articles.count, entities.count, claims.count) }
}
