/// A change laid over the base files, as the loader sees it: one journal entry, or a write being validated. Its
/// document replaces, whole, every article it names (with all their claims) and every entity it includes; a delete
/// has no document and only takes its articles away. Later overlays shadow earlier ones and the base files.
public struct DatasetOverlay: Sendable {
    /// How issues in its document are located (`attributed.journal#12`, `request body`).
    public var name: String
    /// A dataset document (`attributed-dataset/1`); empty for a delete.
    public var document: [UInt8]
    /// The articles it replaces or deletes: their records and claims in anything older are dropped.
    public var articles: [String]
    /// The entities it includes: their records in anything older are dropped.
    public var entities: [String]

    public init(name: String, document: [UInt8], articles: [String], entities: [String]) {
        self.name = name
        self.document = document
        self.articles = articles
        self.entities = entities
    }
}
