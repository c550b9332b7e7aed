import Synchronization

/// The write path's figures for `/metrics`: writes by outcome, commits (each one journal append, however many
/// writes it holds), the journal's size, and how long its appends (write + fsync) and whole commits take.
public final class WriteMetrics: Sendable {
    /// Upper bounds of the duration buckets, in seconds.
    static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct Histogram: Sendable {
        var counts = [Int](repeating: 0, count: WriteMetrics.bucketBounds.count + 1)
        var sum = 0.0
        var count = 0

        mutating func record(_ seconds: Double) {
            counts[WriteMetrics.bucketBounds.firstIndex { seconds <= $0 } ?? WriteMetrics.bucketBounds.count] += 1
            sum += seconds
            count += 1
        }

        var cumulative: [Int] {
            var total = 0
            return counts.map { total += $0; return total }
        }
    }

    public let journalBytes = Atomic<Int>(0)
    public let journalEntries = Atomic<Int>(0)
    /// By operation (the journal's action name) and status code.
    private let outcomes = Locked<[String: [Int: Int]]>([:])
    private let appends = Locked(Histogram())
    private let commits = Locked(Histogram())
    private let writesCommitted = Atomic<Int>(0)
    private let compactions = Locked(Histogram())

    public init() {}

    func record(_ action: JournalAction, status: Int) { outcomes.withLock { $0[action.rawValue, default: [:]][status, default: 0] += 1 } }

    func recordAppend(seconds: Double, bytes: Int) {
        appends.withLock { $0.record(seconds) }
        journalBytes.store(bytes, ordering: .relaxed)
    }

    func recordCommit(seconds: Double, writes: Int) {
        commits.withLock { $0.record(seconds) }
        writesCommitted.wrappingAdd(writes, ordering: .relaxed)
    }

    func recordCompaction(seconds: Double) { compactions.withLock { $0.record(seconds) } }

    /// Compactions the server made of its own journal.
    public var compactionCount: Int { compactions.withLock { $0.count } }

    func write(into out: inout PrometheusExposition) {
        out.family("attributed_writes_total", .counter,
                   help: "Writes answered by the write path, by operation (put_article, delete_article, put_entity, bulk) and status code (2xx: stored).")
        for (operation, statuses) in outcomes.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            for (status, count) in statuses.sorted(by: { $0.key < $1.key }) {
                out.sample("attributed_writes_total", ["operation": operation, "code": String(status)], Double(count))
            }
        }
        out.single("attributed_journal_bytes", .gauge, help: "Bytes in the dataset directory's journal.",
                   Double(journalBytes.load(ordering: .relaxed)))
        out.single("attributed_journal_entries", .gauge, help: "Writes in the journal, not yet compacted into the base files.",
                   Double(journalEntries.load(ordering: .relaxed)))
        out.single("attributed_store_segments", .gauge,
                   help: "Segments of the store being served (the base with the journal folded in: one, until segments are split).", 1)
        out.single("attributed_committed_writes_total", .counter, help: "Writes stored, over all commits.",
                   Double(writesCommitted.load(ordering: .relaxed)))
        histogram("attributed_journal_append_duration_seconds",
                  help: "One journal append: write and fsync, for every write of a commit at once.", appends.withLock { $0 }, into: &out)
        histogram("attributed_commit_duration_seconds",
                  help: "One commit: validating its writes, building the store, the journal append and publishing.",
                  commits.withLock { $0 }, into: &out)
        histogram("attributed_journal_compaction_duration_seconds",
                  help: "One compaction by the server (--compact-after): the journal folded into the base files, and the store loaded from them.",
                  compactions.withLock { $0 }, into: &out)
    }

    private func histogram(_ name: String, help: String, _ histogram: Histogram, into out: inout PrometheusExposition) {
        out.family(name, .histogram, help: help)
        for (bound, count) in zip(Self.bucketBounds.map(PrometheusExposition.format) + ["+Inf"], histogram.cumulative) {
            out.sample(name + "_bucket", ["le": bound], Double(count))
        }
        out.sample(name + "_sum", [:], histogram.sum)
        out.sample(name + "_count", [:], Double(histogram.count))
    }
}
