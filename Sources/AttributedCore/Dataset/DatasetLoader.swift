/// Loads and validates a dataset: one JSON file or a directory of them, merged. Every issue is reported in one run.
public enum DatasetLoader {
    public static let format = "attributed-dataset/1"

    public static func load(path: String) throws(DatasetInvalid) -> Dataset {
        try load(SourceFile.read(path: path))
    }

    /// For data that does not come from the file system (the bundled seed, tests): name and bytes per file.
    public static func load(files: [(name: String, bytes: [UInt8])]) throws(DatasetInvalid) -> Dataset {
        try load(files.map { SourceFile(name: $0.name, bytes: $0.bytes) })
    }

    static func load(_ files: [SourceFile]) throws(DatasetInvalid) -> Dataset {
        let issues = IssueCollector()
        var records = RecordNodes()
        var notes: [String] = []
        for file in files {
            guard let root = parse(file, issues) else { continue }
            if let note = readTopLevel(root, of: file, into: &records, issues: issues) { notes.append(note) }
        }
        let registry = IdRegistry(records, issues)
        var decoder = DatasetDecoder(registry: registry, issues: issues)
        let entities = records.entities.compactMap { decoder.decodeEntity($0) }
        decoder.register(entities)
        let articles = records.articles.compactMap { decoder.decodeArticle($0) }
        decoder.register(articles)
        let claims = records.claims.compactMap { decoder.decodeClaim($0) }

        guard issues.issues.isEmpty else { throw DatasetInvalid(issues: issues.sortedIssues) }
        return Dataset(articles: articles, entities: entities, claims: claims, notes: notes,
                       version: DatasetVersion.of(files.map { ($0.baseName, $0.bytes) }))
    }

    private static func parse(_ file: SourceFile, _ issues: IssueCollector) -> JSONNode? {
        var parser = JSONParser(bytes: file.bytes)
        do {
            let root = try parser.parseDocument()
            for duplicate in parser.duplicateKeys { issues.report(duplicate.message, in: file, at: duplicate.offset) }
            return root
        } catch {
            issues.report("invalid JSON: \(error.message)", in: file, at: error.offset)
            return nil
        }
    }

    /// Checks the top-level object and hands its records over; returns the file's notes.
    private static func readTopLevel(_ root: JSONNode, of file: SourceFile, into records: inout RecordNodes,
                                     issues: IssueCollector) -> String? {
        let values = ValueReader(file: file, issues: issues)
        guard let top = RecordReader(root, .root, values) else { return nil }
        top.rejectUnknownKeys(["format", "notes", "articles", "entities", "claims"])
        if let format = top.read("format", { values.string($0, $1) }), format != Self.format {
            top.report("unsupported format \"\(format)\", expected \"\(Self.format)\"", at: "format")
        }
        var note: String?
        if top.has("notes"), let value = top.read("notes", { node, path in values.nullable(node, path) { values.string($0, $1) } }) {
            note = value
        }
        func collect(_ key: String) -> [RecordNode] {
            guard top.has(key), let nodes = top.read(key, { node, path -> [JSONNode]? in
                values.array(node, path) { element, _ in element }
            }) else { return [] }
            return nodes.enumerated().map { RecordNode(file: file, node: $1, path: JSONPath.root.appending(key).appending($0)) }
        }
        records.articles += collect("articles")
        records.entities += collect("entities")
        records.claims += collect("claims")
        return note
    }
}

/// A record's JSON object, not yet decoded, with where it came from.
struct RecordNode {
    let file: SourceFile
    let node: JSONNode
    let path: JSONPath

    /// The `id` member's node, if the record is an object that has one.
    var idNode: JSONNode? {
        guard case .object(let members) = node.value else { return nil }
        return members.first { $0.key == "id" }?.value
    }

    var id: String? {
        guard case .string(let id)? = idNode?.value else { return nil }
        return id
    }
}

struct RecordNodes {
    var articles: [RecordNode] = []
    var entities: [RecordNode] = []
    var claims: [RecordNode] = []
}
