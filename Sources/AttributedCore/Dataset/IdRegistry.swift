/// The ids of articles and entities, across all files, gathered before decoding so that references can be
/// checked in one pass. A second record with the same id is reported at its own position and points at the first.
/// (Nothing refers to a claim, so claim ids are checked after the claims are decoded, in parallel.)
struct IdRegistry: Sendable {
    private(set) var articles: Set<String> = []
    private(set) var entities: Set<String> = []
    /// Records whose id was already taken: they are checked but not kept.
    private(set) var duplicates: Set<RecordLocation> = []

    init(articles: [RecordNode], entities: [RecordNode], _ issues: IssueCollector) {
        self.articles = Self.register(articles, kind: "article", issues, &duplicates)
        self.entities = Self.register(entities, kind: "entity", issues, &duplicates)
    }

    func isDuplicate(_ record: RecordNode) -> Bool {
        duplicates.contains(RecordLocation(record))
    }

    static func duplicateMessage(kind: String, id: String, first: SourceFile, at offset: Int) -> String {
        let (line, column) = first.location(of: offset)
        return "duplicate \(kind) id \"\(id)\" (first defined at \(first.name):\(line):\(column))"
    }

    private static func register(_ records: [RecordNode], kind: String, _ issues: IssueCollector,
                                 _ duplicates: inout Set<RecordLocation>) -> Set<String> {
        var ids = Set<String>(minimumCapacity: records.count)
        // Where each id was first defined, made only once one repeats (the load then fails): a valid dataset pays
        // for the set alone, not for a dictionary of records beside it.
        var first: [String: Int]?
        for position in records.indices {
            let record = records[position]
            guard let id = record.id, let idNode = record.idNode else { continue }
            let isNew = ids.insert(id).inserted
            if isNew {
                first?[id] = position
                continue
            }
            if first == nil { first = firstPositions(records[..<position]) }
            let earlier = records[first![id]!]
            issues.report(duplicateMessage(kind: kind, id: id, first: earlier.file, at: earlier.idNode?.offset ?? earlier.node.offset),
                          in: record.file, at: idNode.offset, path: record.path.appending("id"))
            duplicates.insert(RecordLocation(record))
        }
        return ids
    }

    /// The position of each id's first record.
    private static func firstPositions(_ records: ArraySlice<RecordNode>) -> [String: Int] {
        var first: [String: Int] = [:]
        for position in records.indices {
            guard let id = records[position].id, records[position].idNode != nil, first[id] == nil else { continue }
            first[id] = position
        }
        return first
    }
}

/// One record, by its file and its position in that file.
struct RecordLocation: Hashable, Sendable {
    let file: ObjectIdentifier
    let offset: Int

    init(_ record: RecordNode) {
        file = ObjectIdentifier(record.file)
        offset = record.node.offset
    }
}
