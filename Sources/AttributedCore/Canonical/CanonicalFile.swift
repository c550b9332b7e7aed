import Foundation

/// One file of a dataset, as written and in the canonical form `attributed fmt` prints: every default and offset
/// written out, keys in a fixed order, one article, entity or claim per line, so that a dataset kept in git diffs
/// by record. Records stay in the order of the file; the API sorts them anyway.
public struct CanonicalFile: Sendable {
    public let name: String
    public let original: [UInt8]
    public let canonical: [UInt8]

    public var isCanonical: Bool { original == canonical }

    /// Every file of the dataset at `path` (a file, or the `*.json` files of a directory). Only a valid dataset has a
    /// canonical form: an invalid one throws its issues, as `attributed validate` lists them.
    public static func files(at path: String) throws(DatasetInvalid) -> [CanonicalFile] {
        let names = try SourceFile.read(path: path).map(\.name)
        var files: [(name: String, bytes: [UInt8])] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: name) else {
                throw DatasetInvalid(issues: [ValidationIssue(file: name, message: "cannot read file")])
            }
            files.append((name, [UInt8](data)))
        }
        return try Self.files(files)
    }

    /// The same for files given as bytes (tests, tools).
    public static func files(_ files: [(name: String, bytes: [UInt8])]) throws(DatasetInvalid) -> [CanonicalFile] {
        // Outlines first, each file's tree dropped before the next is parsed and before the dataset is loaded.
        let outlines = files.map { FileOutline($0.bytes) }
        let records = DatasetRecords(try DatasetLoader.load(files: files))
        return zip(files, outlines).map { file, outline in
            CanonicalFile(name: file.name, original: file.bytes, canonical: records.canonical(of: outline))
        }
    }
}

/// What a file holds, in its order: its notes and the ids of its records (the loaded dataset has their values).
struct FileOutline {
    var notes: String?
    var articles: [String] = []
    var entities: [String] = []
    var claims: [String] = []

    init(notes: String?, articles: [String], entities: [String], claims: [String]) {
        self.notes = notes
        self.articles = articles
        self.entities = entities
        self.claims = claims
    }

    /// Only called on a file the loader accepted, so its shape is known to be right.
    init(_ bytes: [UInt8]) {
        var parser = JSONParser(bytes: bytes)
        guard case .object(let members)? = try? parser.parseDocument().value else { return }
        func ids(_ node: JSONNode) -> [String] {
            guard case .array(let records) = node.value else { return [] }
            return records.compactMap { record in
                guard case .object(let fields) = record.value, case .string(let id)? = fields.first(where: { $0.key == "id" })?.value.value
                else { return nil }
                return id
            }
        }
        for member in members {
            switch member.key {
            case "notes": if case .string(let notes) = member.value.value { self.notes = notes }
            case "articles": articles = ids(member.value)
            case "entities": entities = ids(member.value)
            case "claims": claims = ids(member.value)
            default: break
            }
        }
    }
}

/// A loaded dataset's records by id, written out file by file.
struct DatasetRecords {
    let dataset: Dataset
    let articles: [String: Int]
    let entities: [String: Int]
    let claims: [String: Int]

    init(_ dataset: Dataset) {
        self.dataset = dataset
        articles = Dictionary(uniqueKeysWithValues: dataset.articles.enumerated().map { ($1.id, $0) })
        entities = Dictionary(uniqueKeysWithValues: dataset.entities.enumerated().map { ($1.id, $0) })
        claims = Dictionary(uniqueKeysWithValues: dataset.claims.indices.map { (dataset.claims.id(of: $0), $0) })
    }

    func canonical(of outline: FileOutline) -> [UInt8] {
        // Lazily: one record's JSON at a time, not a tree of the whole file.
        CanonicalDocument.write(
            notes: outline.notes,
            articles: outline.articles.lazy.map { CanonicalRecords.article(dataset.articles[articles[$0]!]) },
            entities: outline.entities.lazy.map { CanonicalRecords.entity(dataset.entities[entities[$0]!]) },
            claims: outline.claims.lazy.map { CanonicalRecords.claim(dataset.claims[claims[$0]!]) })
    }
}
