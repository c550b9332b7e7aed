/// The ids of every collection, across all files, gathered before decoding so that references can be checked
/// in one pass. A second record with the same id is reported at its own position and points at the first.
struct IdRegistry {
    private(set) var articles: Set<String> = []
    private(set) var entities: Set<String> = []
    private(set) var claims: Set<String> = []
    /// Records whose id was already taken: they are checked but not kept.
    private(set) var duplicates: Set<RecordLocation> = []

    init(_ records: RecordNodes, _ issues: IssueCollector) {
        articles = Self.register(records.articles, kind: "article", issues, &duplicates)
        entities = Self.register(records.entities, kind: "entity", issues, &duplicates)
        claims = Self.register(records.claims, kind: "claim", issues, &duplicates)
    }

    func isDuplicate(_ record: RecordNode) -> Bool {
        duplicates.contains(RecordLocation(record))
    }

    private static func register(_ records: [RecordNode], kind: String, _ issues: IssueCollector,
                                 _ duplicates: inout Set<RecordLocation>) -> Set<String> {
        var first: [String: RecordNode] = [:]
        for record in records {
            guard let id = record.id, let idNode = record.idNode else { continue }
            if let earlier = first[id] {
                let (line, column) = earlier.file.location(of: earlier.idNode?.offset ?? earlier.node.offset)
                issues.report("duplicate \(kind) id \"\(id)\" (first defined at \(earlier.file.name):\(line):\(column))",
                              in: record.file, at: idNode.offset, path: record.path.appending("id"))
                duplicates.insert(RecordLocation(record))
            } else {
                first[id] = record
            }
        }
        return Set(first.keys)
    }
}

/// One record, by its file and its position in that file.
struct RecordLocation: Hashable {
    let file: ObjectIdentifier
    let offset: Int

    init(_ record: RecordNode) {
        file = ObjectIdentifier(record.file)
        offset = record.node.offset
    }
}
