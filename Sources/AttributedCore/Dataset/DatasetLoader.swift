import Foundation

/// Loads and validates a dataset: one JSON file or a directory of them, merged. Every issue is reported in one run.
///
/// The files are scanned for where their records start (no tree of a whole file is built); entities and articles
/// are decoded first (claims need their kinds, publishers and texts), then claims on every core, straight into
/// compact records: a claim of the plain form is read from its bytes with no tree at all (`decodeClaimDirectly`),
/// any other one, or one with a problem, through its parsed node, which words every problem. A file is never held
/// whole: it is read a window at a time, and each batch of records is read again when decoded and given back after
/// (see `FileBuffer`). A record with a syntax error sends the whole load
/// down the ordinary path, which parses each file whole, so that the error is found and worded exactly as for the
/// file as a whole.
public enum DatasetLoader {
    public static let format = "attributed-dataset/1"

    /// The files at `path`, with `overlays` (the journal's entries, a write being validated) laid over them in order.
    public static func load(path: String, overlays: [DatasetOverlay] = []) throws(DatasetInvalid) -> Dataset {
        try load(SourceFile.read(path: path), overlays: overlays)
    }

    /// For data that does not come from the file system (the bundled seed, tests): name and bytes per file.
    public static func load(files: [(name: String, bytes: [UInt8])], overlays: [DatasetOverlay] = []) throws(DatasetInvalid) -> Dataset {
        try load(files.map { SourceFile(name: $0.name, bytes: $0.bytes) }, overlays: overlays)
    }

    /// `decodingDirectly: false` decodes every claim through its parsed node (for tests that compare both paths).
    static func load(_ baseFiles: [SourceFile], overlays: [DatasetOverlay] = [], decodingDirectly: Bool = true) throws(DatasetInvalid) -> Dataset {
        // A delete has no document; every other overlay is one more file, read after the base files.
        let overlayFiles = overlays.map { $0.document.isEmpty ? nil : SourceFile(name: $0.name, bytes: $0.document) }
        let files = baseFiles + overlayFiles.compactMap { $0 }
        let shadowing = Shadowing(overlays: overlays, files: overlayFiles)
        var dataset: Dataset
        if let scanned = try load(files, shadowing, parsingWholeFiles: false, decodingDirectly: decodingDirectly) {
            dataset = scanned
        } else {
            dataset = try load(files, shadowing, parsingWholeFiles: true, decodingDirectly: false)!
        }
        if !overlays.isEmpty {
            // The version counts each overlay by what it holds, not by the name it was loaded under.
            dataset.baseFileHashes.removeLast(overlayFiles.compactMap { $0 }.count)
            dataset.stamp(overlays: overlays.map(DatasetVersion.hash(of:)))
        }
        return dataset
    }

    /// nil when a record turned out to have a syntax error and the files must be parsed whole.
    private static func load(_ files: [SourceFile], _ shadowing: Shadowing, parsingWholeFiles: Bool,
                             decodingDirectly: Bool) throws(DatasetInvalid) -> Dataset? {
        LoadTrace.mark("start")
        let issues = IssueCollector()
        // Scanning a file and hashing it are separate tasks, so that one large file keeps both cores busy too. The
        // scan reads its file front to back and gives back what it has passed: the records are read again, batch by
        // batch, by whoever decodes them.
        let tasks = parallelMap(files.count * 2) { task -> (RecordScanner.Scanned?, UInt64) in
            let file = files[task / 2]
            if task % 2 == 1 { return (nil, DatasetVersion.hash(of: file)) }
            return (parsingWholeFiles ? nil : RecordScanner.scan(file), 0)
        }
        let scans = files.indices.map { tasks[2 * $0].0 }
        let fileHashes = files.indices.map { tasks[2 * $0 + 1].1 }
        var records = RecordSources()
        var notes: [String] = []
        for (file, scanned) in zip(files, scans) {
            let root: JSONNode
            if let scanned {
                for duplicate in scanned.duplicateKeys { issues.report(duplicate.message, in: file, at: duplicate.offset) }
                root = scanned.top
            } else {
                file.buffer.fillAll()
                guard let parsed = parse(file, issues) else { continue }
                root = parsed
            }
            if let note = readTopLevel(root, of: file, records: scanned?.records, into: &records, issues: issues) {
                notes.append(note)
            }
        }

        LoadTrace.mark("scan")
        // Entities, then articles (which need entity kinds): parsed and decoded in chunks on every core, their issues
        // kept in record order.
        guard var entityNodes = parseAll(records.entities, issues), var articleNodes = parseAll(records.articles, issues)
        else { return nil }
        if !shadowing.isEmpty {
            entityNodes.removeAll { !shadowing.keepsEntity($0.id, in: $0.file) }
            articleNodes.removeAll { !shadowing.keepsArticle($0.id, in: $0.file) }
        }
        let registry = IdRegistry(articles: articleNodes, entities: entityNodes, issues)
        let decoder = DatasetDecoder(registry: registry, issues: issues)
        let entities = ByteOrder.sorted(decodeAll(entityNodes, decoder, issues) { $0.decodeEntity($1) }, byId: \.id)
        decoder.register(entities)
        let articles = ByteOrder.sorted(decodeAll(articleNodes, decoder, issues) { $0.decodeArticle($1) }, byId: \.id)
        decoder.register(articles, texts: parallelMap(articles.count) { ArticleText(articles[$0]) })

        LoadTrace.mark("entities and articles")
        // Claims: many, decoded on every core into compact records; those of the plain form straight from their bytes,
        // the others (and any with a problem, to report it) through a parsed node.
        // The decoder's indexes: it registered the entities and articles in these orders.
        let (entityOrdinals, articleOrdinals) = (decoder.entityReferences, decoder.articleReferences)
        let entityAnonymity = entities.map(\.anonymity)
        let claimSources = records.claims
        // Small parts, so that merging them (one part copied at a time) costs little room beyond the claims.
        let parts = chunks(of: claimSources.count, parts: ProcessInfo.processInfo.activeProcessorCount * 8)
        var results = parallelMap(parts.count) { part -> ClaimChunk in
            var chunk = ClaimChunk(builder: ClaimTableBuilder(articleOrdinals: articleOrdinals, entityOrdinals: entityOrdinals,
                                                              entityAnonymity: entityAnonymity))
            let worker = decoder.reporting(to: chunk.issues)
            chunk.syntaxError = !claimSources.forEach(in: parts[part]) { source in
                if shadowing.shadowsArticles {
                    guard let article = source.articleReference(reportingDuplicateKeysTo: chunk.issues) else { return false }
                    if !shadowing.keepsClaim(ofArticle: article, in: source.file) { return true }
                }
                if decodingDirectly, case .offset(let offset) = source.location,
                   let decoded = worker.decodeClaimDirectly(source.file.bytes, at: offset) {
                    chunk.builder.append(decoded)
                    chunk.decodedDirectly += 1
                    return true
                }
                guard let record = source.node(reportingDuplicateKeysTo: chunk.issues) else { return false }
                if let decoded = worker.decodeClaim(record) { chunk.builder.append(decoded) }
                return true
            }
            return chunk
        }
        guard !results.contains(where: \.syntaxError) else { return nil }
        let decodedDirectly = results.reduce(0) { $0 + $1.decodedDirectly }
        LoadTrace.mark("claims (\(decodedDirectly) of \(claimSources.count) decoded directly)")

        // Merged in record order, each worker's part released as soon as it is copied (`builders` is its only owner).
        let chunkIssues = results.map(\.issues)
        var builders = results.map(\.builder)
        results = []
        let builder = ClaimTableBuilder.merged(&builders)
        let claims = builder.build(articles: articles, entityIds: entities.map(\.id))
        LoadTrace.mark("merge and sort")
        let claimIssues = IssueCollector()
        try rejectChangedFiles(files)
        if !issues.isEmpty || chunkIssues.contains(where: { !$0.isEmpty }) || claims.repeatedIds {
            for file in files { file.buffer.fillAll() }
            reportDuplicateClaims(claimSources, shadowing, claimIssues)
        }
        issues.append(claimIssues)
        for chunk in chunkIssues { issues.append(chunk) }
        guard issues.isEmpty else { throw DatasetInvalid(issues: issues.sortedIssues) }
        var dataset = Dataset(articles: articles, entities: entities, claims: claims.table, notes: notes,
                              version: DatasetVersion.of(fileHashes: fileHashes))
        dataset.baseFileHashes = fileHashes
        dataset.claimsDecodedDirectly = decodedDirectly
        return dataset
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

    /// Every record's node, parsed in chunks on every core; nil on a syntax error.
    private static func parseAll(_ sources: RecordList, _ issues: IssueCollector) -> [RecordNode]? {
        let parts = chunks(of: sources.count, parts: ProcessInfo.processInfo.activeProcessorCount * 2)
        let results = parallelMap(parts.count) { part -> (nodes: [RecordNode]?, issues: IssueCollector) in
            let chunkIssues = IssueCollector()
            var nodes: [RecordNode] = []
            nodes.reserveCapacity(parts[part].count)
            let parsed = sources.forEach(in: parts[part]) { source in
                guard let node = source.node(reportingDuplicateKeysTo: chunkIssues) else { return false }
                nodes.append(node)
                return true
            }
            return (parsed ? nodes : nil, chunkIssues)
        }
        guard results.allSatisfy({ $0.nodes != nil }) else { return nil }
        for result in results { issues.append(result.issues) }
        return results.flatMap { $0.nodes! }
    }

    /// A file written to while it loaded may have been read half old, half new: no result from it can be trusted.
    private static func rejectChangedFiles(_ files: [SourceFile]) throws(DatasetInvalid) {
        let changed = files.filter(\.buffer.changedSinceOpened)
        guard !changed.isEmpty else { return }
        throw DatasetInvalid(issues: changed.map {
            ValidationIssue(file: $0.name, message: "the file changed while it was being read; load it again once it is written")
        })
    }

    /// Decodes records in chunks on every core, each chunk reporting to its own collector; the issues are then
    /// taken over in record order.
    private static func decodeAll<Record>(_ nodes: [RecordNode], _ decoder: DatasetDecoder, _ issues: IssueCollector,
                                          _ decode: (DatasetDecoder, RecordNode) -> Record?) -> [Record] {
        let parts = chunks(of: nodes.count, parts: ProcessInfo.processInfo.activeProcessorCount * 2)
        let results = parallelMap(parts.count) { part -> (records: [Record], issues: IssueCollector) in
            let chunkIssues = IssueCollector()
            let worker = decoder.reporting(to: chunkIssues)
            return (parts[part].compactMap { decode(worker, nodes[$0]) }, chunkIssues)
        }
        for result in results { issues.append(result.issues) }
        return results.flatMap(\.records)
    }

    /// Checks the top-level object and hands its records over; returns the file's notes.
    private static func readTopLevel(_ root: JSONNode, of file: SourceFile, records scanned: [String: RecordScanner.Records]?,
                                     into records: inout RecordSources, issues: IssueCollector) -> String? {
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
        func collect(_ key: String, into list: inout RecordList) {
            guard top.has(key), let nodes = top.read(key, { node, path -> [JSONNode]? in
                values.array(node, path) { element, _ in element }
            }) else { return }
            list.append(RecordGroup(file: file, key: key, records: scanned?[key].map(RecordGroup.Records.offsets) ?? .nodes(nodes)))
        }
        collect("articles", into: &records.articles)
        collect("entities", into: &records.entities)
        collect("claims", into: &records.claims)
        return note
    }

    /// Every claim id after its first occurrence (in file order, then array order), each reported where it stands.
    /// Only run when the load fails anyway (or repeats were seen among the valid claims): it parses every claim
    /// record again, to see the raw id of each, valid or not, as the check always has.
    private static func reportDuplicateClaims(_ sources: RecordList, _ shadowing: Shadowing, _ issues: IssueCollector) {
        var first: [String: (file: SourceFile, offset: Int)] = [:]
        for position in 0..<sources.count {
            guard let record = sources[position].node(reportingDuplicateKeysTo: IssueCollector()), let id = record.id,
                  shadowing.keepsClaim(ofArticle: record.member("article"), in: record.file) else { continue }
            let offset = record.idNode?.offset ?? record.node.offset
            if let earlier = first[id] {
                issues.report(IdRegistry.duplicateMessage(kind: "claim", id: id, first: earlier.file, at: earlier.offset),
                              in: record.file, at: offset, path: record.path.appending("id"))
            } else {
                first[id] = (record.file, offset)
            }
        }
    }
}

/// What one worker made of its share of the claims.
private struct ClaimChunk: @unchecked Sendable {
    var builder: ClaimTableBuilder
    let issues = IssueCollector()
    var syntaxError = false
    var decodedDirectly = 0
}

/// A record not yet decoded: its parsed node, or where it starts in its file (parsed when it is decoded).
struct RecordSource: @unchecked Sendable {
    enum Location {
        case node(JSONNode)
        case offset(Int)
    }

    let file: SourceFile
    let location: Location
    /// Its array's key and its index there: its path is made only if it is parsed (two allocations a record).
    let key: String
    let index: Int

    var path: JSONPath { JSONPath.root.appending(key).appending(index) }

    /// The record's node, parsed now if need be; nil on a syntax error.
    func node(reportingDuplicateKeysTo issues: IssueCollector) -> RecordNode? {
        switch location {
        case .node(let node):
            return RecordNode(file: file, node: node, path: path)
        case .offset(let offset):
            // A record sits in the top-level object's array: two levels deep.
            var parser = JSONParser(bytes: file.bytes, offset: offset, depth: 2)
            guard let node = try? parser.parseEmbeddedValue() else { return nil }
            for duplicate in parser.duplicateKeys { issues.report(duplicate.message, in: file, at: duplicate.offset) }
            return RecordNode(file: file, node: node, path: path)
        }
    }
}

extension RecordSource {
    /// The `article` a claim record names, read before it is decoded (whether it is shadowed decides whether it is
    /// decoded at all); `.some(nil)` when it names none, nil on a syntax error.
    func articleReference(reportingDuplicateKeysTo issues: IssueCollector) -> String?? {
        if case .offset(let offset) = location, let article = Self.articleDirectly(file.bytes, at: offset) { return .some(article) }
        guard let record = node(reportingDuplicateKeysTo: IssueCollector()) else { return nil }
        return .some(record.member("article"))
    }
}

extension RecordSource {
    private static let claimKeys: [StaticString] = ["id", "article", "span", "text", "about", "proposition", "chain"]

    /// The `article` of a claim of the plain form, read from its bytes with no tree (a million claims are checked
    /// against the shadowed articles at every load with a journal); nil for anything else, which is parsed.
    private static func articleDirectly(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String? {
        var cursor = RecordCursor(bytes: bytes, at: offset)
        var seen = SeenKeys()
        do {
            try cursor.beginObject()
            while let key = try cursor.nextKey(in: claimKeys, &seen) {
                if key == 1 { return try cursor.string() }
                try cursor.skipValue()
            }
        } catch {}
        return nil
    }
}

struct RecordSources {
    var articles = RecordList()
    var entities = RecordList()
    var claims = RecordList()
}

/// The records of one array of one file: parsed nodes (a file parsed whole), or where each starts.
struct RecordGroup: @unchecked Sendable {
    enum Records {
        case nodes([JSONNode])
        case offsets(RecordScanner.Records)
    }

    let file: SourceFile
    let key: String
    let records: Records

    var count: Int {
        switch records {
        case .nodes(let nodes): nodes.count
        case .offsets(let records): records.offsets.count
        }
    }
}

/// The records of one kind across files, in file order, addressed by their position in that order.
/// A million claims cost their offsets here, not a million structs with paths.
struct RecordList: @unchecked Sendable {
    private var groups: [RecordGroup] = []
    /// The position of each group's first record.
    private var starts: [Int] = []
    private(set) var count = 0

    mutating func append(_ group: RecordGroup) {
        groups.append(group)
        starts.append(count)
        count += group.count
    }

    subscript(position: Int) -> RecordSource {
        let low = groupIndex(of: position)
        let group = groups[low]
        let index = position - starts[low]
        switch group.records {
        case .nodes(let nodes): return RecordSource(file: group.file, location: .node(nodes[index]), key: group.key, index: index)
        case .offsets(let records):
            return RecordSource(file: group.file, location: .offset(records.offsets[index]), key: group.key, index: index)
        }
    }

    /// Calls `body` with every record in `positions`, in order, with its bytes present: they are read a batch at a
    /// time and given back after the batch, so a worker holds about one batch of the file. Stops at the first false.
    func forEach(in positions: Range<Int>, _ body: (RecordSource) -> Bool) -> Bool {
        var position = positions.lowerBound
        while position < positions.upperBound {
            let index = groupIndex(of: position)
            let group = groups[index]
            let first = position - starts[index]
            guard case .offsets(let records) = group.records else {
                guard body(self[position]) else { return false }
                position += 1
                continue
            }
            let limit = min(records.offsets.count, first + positions.upperBound - position)
            var last = first + 1
            while last < limit, records.offsets[last] - records.offsets[first] < group.file.buffer.window / 4 {
                last += 1
            }
            let range = records.offsets[first]..<(last < records.offsets.count ? records.offsets[last] : records.end)
            group.file.buffer.fill(range)
            defer { group.file.buffer.release(range) }
            for _ in first..<last {
                guard body(self[position]) else { return false }
                position += 1
            }
        }
        return true
    }

    private func groupIndex(of position: Int) -> Int {
        var low = 0
        var high = groups.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= position { low = mid } else { high = mid - 1 }
        }
        return low
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

    var id: String? { member("id") }

    /// A string member's value (nil when absent or not a string).
    func member(_ key: String) -> String? {
        guard case .object(let members) = node.value, case .string(let value)? = members.first(where: { $0.key == key })?.value.value
        else { return nil }
        return value
    }
}
