/// The bytes of a bulk export (`format=ndjson` or `format=csv` on a list route), made a bounded chunk at a time.
///
/// It walks the list's join of posting lists in id order, the same join a page of JSON takes its items from, but
/// without a limit and without ever holding the matches in an array: memory is one chunk, whatever the corpus (or,
/// when a page was asked for, it writes that page's items). It
/// holds the store it started on, so a reload (which swaps the store) never changes an export in flight. It knows
/// nothing of HTTP: the server drains it into libmicrohttpd's callback, a test into an array, and a compressor may
/// sit between the two.
public struct ExportStream: Sendable {
    /// What the rows are.
    enum Resource: Sendable {
        case claims, articles, entities
    }

    enum Syntax: Sendable {
        case ndjson, csv
    }

    /// The chunk size the server asks for: large enough that a chunk is a few dozen claims, small enough to stay
    /// far below the export's memory budget.
    public static let chunkSize = 64 * 1024

    /// Where the rows come from: every match of a join, walked as the rows are written; or one page's items.
    enum Rows: Sendable {
        case matches(Conjunction)
        case page([Int])
    }

    private let store: Store
    private let resource: Resource
    private let syntax: Syntax
    private var matches: Conjunction
    /// A page's items instead of the join's (`matches` is then empty), and how many have been written.
    private let page: [Int]?
    private var pagePosition = 0
    private var headerWritten: Bool
    /// Rows written so far.
    public private(set) var rows = 0
    /// Whether every match has been written (the last `next` returned false).
    public private(set) var isFinished = false

    init(_ resource: Resource, as syntax: Syntax, rows: Rows, of store: Store) {
        self.store = store
        self.resource = resource
        self.syntax = syntax
        switch rows {
        case .matches(let join): (matches, page) = (join, nil)
        case .page(let ordinals): (matches, page) = (Conjunction([]), ordinals)
        }
        headerWritten = syntax == .ndjson  // NDJSON has no header
    }

    /// Candidates the join has looked at so far (a page's items, for a page): an export's cost, which tests bound.
    var examined: Int { page == nil ? matches.examined : pagePosition }

    /// Appends whole rows (the CSV header first) to `buffer` until it holds at least `limit` bytes or the matches
    /// end, and at least one row (so every call makes progress); returns false, appending nothing, once the export
    /// is finished. A chunk overshoots `limit` by less than one row.
    public mutating func next(into buffer: inout [UInt8], upTo limit: Int) -> Bool {
        guard !isFinished else { return false }
        let start = buffer.count
        var csv = CSVOutput(bytes: [])
        swap(&csv.bytes, &buffer)
        defer { swap(&csv.bytes, &buffer) }
        if !headerWritten {
            csv.header(columns)
            headerWritten = true
        }
        var json = JSONOutput(capacity: syntax == .ndjson ? 4096 : 64)  // an NDJSON row's scratch, reused by the chunk
        while csv.bytes.count < limit || csv.bytes.count == start {
            guard let ordinal = nextOrdinal() else {
                isFinished = true
                return csv.bytes.count > start
            }
            write(ordinal, into: &csv, scratch: &json)
            rows += 1
        }
        return true
    }

    private mutating func nextOrdinal() -> Int? {
        guard let page else { return matches.next().map(Int.init) }
        guard pagePosition < page.count else { return nil }
        pagePosition += 1
        return page[pagePosition - 1]
    }

    /// Every remaining byte at once: for tests and small lists, never for the server.
    public mutating func drain() -> [UInt8] {
        var bytes: [UInt8] = []
        while next(into: &bytes, upTo: Self.chunkSize) {}
        return bytes
    }

    private var columns: [String] {
        switch resource {
        case .claims: ClaimCSV.columns
        case .articles: ArticleCSV.columns
        case .entities: EntityCSV.columns
        }
    }

    private func write(_ ordinal: Int, into csv: inout CSVOutput, scratch json: inout JSONOutput) {
        switch syntax {
        case .csv:
            switch resource {
            case .claims: ClaimCSV.write(ordinal, of: store, into: &csv)
            case .articles: ArticleCSV.write(ordinal, of: store, into: &csv)
            case .entities: EntityCSV.write(ordinal, of: store, into: &csv)
            }
        case .ndjson:
            // The list's own item, bytes for bytes (the hot-claim cache is left alone: an export reads every claim
            // once, and would only evict what pages use).
            json.removeAll()
            switch resource {
            case .claims: store.claimJSON.write(ordinal, into: &json)
            case .articles: store.writeArticle(ordinal, into: &json)
            case .entities: store.entityBodies.write(ordinal, into: &json)
            }
            json.append(UInt8(ascii: "\n"))
            json.withBytes { csv.bytes.append(contentsOf: $0) }
        }
    }
}
