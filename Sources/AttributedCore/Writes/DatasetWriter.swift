import Foundation

/// Takes writes: each is validated by the loader against the dataset it would produce, made durable in the
/// journal, and then made visible by publishing a new store, before its answer is given. Writers that arrive
/// together share one validation, one journal append (one fsync) and one published store: a leader takes the
/// whole queue while the others wait (group commit).
///
/// The store stays immutable: every commit builds a new one from the base files and the journal, and publishes it
/// whole. (At a million claims that is a full load per commit; segments will make it the written articles' cost.)
public final class DatasetWriter: @unchecked Sendable {
    private let base: DatasetBase
    private let journal: Journal
    private let publish: @Sendable (Store) -> Void
    private let clock: @Sendable () -> Date
    /// Journal bytes past which the writer folds the journal into the base files by itself; nil: never.
    private let compactAfter: Int?
    /// Told how each compaction the writer started by itself went (the server logs it).
    private let compacted: @Sendable (Result<Compaction.Report, any Error>) -> Void
    /// Guarded by `condition`: one compaction queued or running at a time.
    private var compactionPending = false

    /// Guarded by `condition`.
    private var queue: [Slot] = []
    private var leading = false
    private let condition = NSCondition()

    /// Read and written by the leader only (one at a time), and by `init`.
    private var entries: [JournalEntry]
    private var nextSeq: UInt64
    private var current: Store

    /// What `/metrics` reports of the writes.
    public let metrics = WriteMetrics()
    /// Every commit's changes, as revisions and the feed (nil: none kept, as in most writer tests).
    public let history: History?
    /// Set when the history could not be appended to (but for a full disk): the writes were durable, but no more are
    /// taken until a restart, which derives the missing changes from the journal (a seq is never given twice).
    private var historyFailure: String?

    /// Loads the base with the journal laid over it. A torn tail of the journal is reported in `droppedTail`.
    /// With a `history`, the changes of journal entries it does not hold yet (a crash came between the journal's
    /// sync and the history's) are derived and appended first. `compactAfter`: with a directory base, the journal
    /// size (bytes) at which a commit starts a compaction in the background (`compacted` hears how it went).
    public init(base: DatasetBase, journal: Journal, history: History? = nil, clock: @escaping @Sendable () -> Date = Date.init,
                compactAfter: Int? = nil, compacted: @escaping @Sendable (Result<Compaction.Report, any Error>) -> Void = { _ in },
                publish: @escaping @Sendable (Store) -> Void) throws(WriterOpenError) {
        self.base = base
        self.journal = journal
        self.history = history
        self.publish = publish
        self.clock = clock
        self.compactAfter = compactAfter
        self.compacted = compacted
        let replay: JournalReplay
        do { replay = try journal.replay() } catch { throw .journal(error) }
        droppedTail = replay.droppedTail
        entries = replay.entries
        // After a compaction the journal is empty but its seqs were used: the history remembers the last.
        nextSeq = max(replay.entries.last?.seq ?? 0, history?.lastJournalSeq ?? 0) + 1
        do { current = Store(try base.load(overlays: replay.entries.map(\.overlay))) } catch { throw .invalid(error) }
        if let history {
            do { try HistoryCatchUp.run(history, base: base, entries: replay.entries, current: current) } catch let error as JournalError {
                throw .journal(error)
            } catch let error as DatasetInvalid {
                throw .invalid(error)
            } catch {
                throw .journal(.failed("\(error)"))
            }
        }
        metrics.journalBytes.store(journal.byteSize, ordering: .relaxed)
        metrics.journalEntries.store(entries.count, ordering: .relaxed)
    }

    /// The store as of the last commit (or the opening load).
    public var store: Store {
        condition.lock()
        defer { condition.unlock() }
        return current
    }

    /// What replay dropped from the journal's end when the writer opened, if anything.
    public let droppedTail: String?

    /// The journal's entries so far.
    public var journalEntries: Int { metrics.journalEntries.load(ordering: .relaxed) }

    /// Loads the base files again under the journal (SIGHUP, `--watch`), in turn with the writes, and publishes the
    /// result; an invalid base is refused and the current store kept.
    public func reload() throws(DatasetInvalid) -> Store {
        let slot = Slot(.reload)
        run(slot)
        switch slot.outcome! {
        case .reloaded(let store): return store
        case .reloadRefused(let invalid): throw invalid
        default: fatalError("a reload slot gets a reload outcome")
        }
    }

    /// Folds the journal into the base files (what `attributed compact` does, in turn with the writes, which wait),
    /// then serves the dataset loaded from the rewritten files alone: the same records under a new version.
    public func compact() throws -> Compaction.Report {
        let slot = Slot(.compact)
        run(slot)
        guard case .compacted(let result) = slot.outcome! else { fatalError("a compaction slot gets a compaction outcome") }
        return try result.get()
    }

    /// Blocks until the write is stored and visible, or refused.
    func submit(_ write: PendingWrite) -> WriteResult {
        let slot = Slot(.write(write))
        run(slot)
        guard case .write(let result) = slot.outcome! else { fatalError("a write slot gets a write outcome") }
        if case .refused(let problem) = result { metrics.record(write.action, status: problem.status) }
        return result
    }

    // MARK: group commit

    private final class Slot: @unchecked Sendable {
        enum Work { case write(PendingWrite), reload, compact }
        enum Outcome {
            case write(WriteResult), reloaded(Store), reloadRefused(DatasetInvalid)
            case compacted(Result<Compaction.Report, any Error>)
        }
        let work: Work
        /// Set by the leader under `condition`.
        var outcome: Outcome?
        init(_ work: Work) { self.work = work }

        var write: PendingWrite? {
            if case .write(let write) = work { return write }
            return nil
        }
    }

    private func run(_ slot: Slot) {
        condition.lock()
        queue.append(slot)
        while leading, slot.outcome == nil { condition.wait() }
        if slot.outcome != nil {
            condition.unlock()
            return
        }
        leading = true
        while !queue.isEmpty {
            let batch = takeBatch()
            condition.unlock()
            let outcomes = process(batch)
            condition.lock()
            for (slot, outcome) in zip(batch, outcomes) { slot.outcome = outcome }
            condition.broadcast()
        }
        leading = false
        condition.broadcast()
        condition.unlock()
    }

    /// The writes at the queue's head that touch disjoint records (or one reload alone).
    private func takeBatch() -> [Slot] {
        if queue.first?.write == nil { return [queue.removeFirst()] }
        var batch: [Slot] = []
        var index = 0
        while index < queue.count {
            guard let write = queue[index].write else { break }
            if batch.contains(where: { $0.write!.overlaps(write) }) {
                index += 1
                continue
            }
            batch.append(queue.remove(at: index))
        }
        return batch
    }

    private func process(_ batch: [Slot]) -> [Slot.Outcome] {
        switch batch[0].work {
        case .reload: return [reloadBase()]
        case .compact: return [.compacted(compactJournal())]
        case .write: return commit(batch.map { $0.write! }).map { .write($0) }
        }
    }

    private func compactJournal() -> Result<Compaction.Report, any Error> {
        defer { condition.withLock { compactionPending = false } }
        guard case .path(let directory) = base else { return .failure(CompactionError("only a dataset directory can be compacted")) }
        let started = DispatchTime.now()
        do {
            let report = try Compaction.compact(directory: directory, journal: journal, history: history)
            let store = Store(try base.load(overlays: []))
            entries = []
            metrics.journalEntries.store(0, ordering: .relaxed)
            metrics.journalBytes.store(journal.byteSize, ordering: .relaxed)
            metrics.recordCompaction(seconds: Self.seconds(since: started))
            current = store
            publish(store)
            return .success(report)
        } catch {
            // Nothing is lost: until the journal is emptied (its last step), it replays onto whatever was rewritten.
            return .failure(error)
        }
    }

    /// After a commit: past the bound, one compaction is started on a thread of its own (the commit's writers are
    /// answered first; later writes queue behind it).
    private func compactIfDue() {
        guard let compactAfter, journal.byteSize >= compactAfter, case .path = base else { return }
        let start = condition.withLock { () -> Bool in
            guard !compactionPending else { return false }
            compactionPending = true
            return true
        }
        guard start else { return }
        Thread.detachNewThread { [self] in
            let slot = Slot(.compact)
            run(slot)
            if case .compacted(let result) = slot.outcome! { compacted(result) }
        }
    }

    private func reloadBase() -> Slot.Outcome {
        do {
            let store = Store(try base.load(overlays: entries.map(\.overlay)))
            if let history, historyFailure == nil, store.version != current.version {
                var derivation = ChangeDerivation(history: history)
                recordHistory(history, [derivation.reload(version: store.version, time: clock().formatted(.iso8601))])
            }
            current = store
            publish(store)
            return .reloaded(store)
        } catch {
            return .reloadRefused(error)
        }
    }

    // MARK: commit

    /// Checks, validates, journals and publishes a batch of writes that touch disjoint records.
    private func commit(_ writes: [PendingWrite]) -> [WriteResult] {
        let started = DispatchTime.now()
        if let historyFailure { return writes.map { _ in .refused(.writeFailed(historyFailure)) } }
        var results = [WriteResult?](repeating: nil, count: writes.count)
        var candidates: [Int] = []
        var creates = [Bool](repeating: false, count: writes.count)
        for (index, write) in writes.enumerated() {
            do {
                creates[index] = try WriteChecks.check(write, against: current)
                candidates.append(index)
            } catch {
                results[index] = .refused(error)
            }
        }
        let overlays = entries.map(\.overlay)
        func overlay(_ index: Int) -> DatasetOverlay {
            let write = writes[index]
            return DatasetOverlay(name: WriteDocument.sourceName, document: write.document?.bytes ?? [],
                                  articles: write.articles, entities: write.entities)
        }
        // All at once first (the usual case: every write is valid); if that fails, one at a time, so that each
        // refusal names only its own write's issues.
        var accepted: [Int] = []
        var dataset: Dataset?
        if !candidates.isEmpty {
            let restricted = candidates.contains { writes[$0].actor.publishers != nil && !writes[$0].entities.isEmpty }
            if candidates.count > 1, !restricted, let all = try? base.load(overlays: overlays + candidates.map(overlay)) {
                accepted = candidates
                dataset = all
            } else {
                for index in candidates {
                    do {
                        let tried = try base.load(overlays: overlays + accepted.map(overlay) + [overlay(index)])
                        let changed = WriteChecks.changedSharedEntities(writes[index], before: current, after: tried)
                        guard changed.isEmpty else {
                            results[index] = .refused(.forbidden(
                                "token \(quoted(writes[index].actor.name)) may not change entities other desks cite: "
                                + changed.map(quoted).joined(separator: ", ")))
                            continue
                        }
                        dataset = tried
                        accepted.append(index)
                    } catch {
                        results[index] = .refused(.invalidDocument(error.issues))
                    }
                }
            }
        }
        guard var dataset, !accepted.isEmpty else { return results.map { $0! } }

        // What is journalled is the canonical form of what was stored, not the body as sent.
        let time = clock().formatted(.iso8601)
        var newEntries: [JournalEntry] = []
        for index in accepted {
            let write = writes[index]
            let document = write.action == .deleteArticle
                ? [] : CanonicalDocument.of(dataset, articles: write.articles, entities: write.entities)
            newEntries.append(JournalEntry(seq: nextSeq + UInt64(newEntries.count), time: time, actor: write.actor.name,
                                           action: write.action, articles: write.articles, entities: write.entities,
                                           document: document))
        }
        dataset.stamp(overlays: (entries + newEntries).map { DatasetVersion.hash(of: $0.overlay) })
        let store = Store(dataset)
        let appendStarted = DispatchTime.now()
        do {
            try journal.append(newEntries)
        } catch {
            let problem: Problem = switch error {
            case .noSpace(let detail): .insufficientStorage(detail)
            case .failed(let detail), .poisoned(let detail), .damaged(let detail): .writeFailed(detail)
            }
            for index in accepted { results[index] = .refused(problem) }
            return results.map { $0! }
        }
        metrics.recordAppend(seconds: Self.seconds(since: appendStarted), bytes: journal.byteSize)
        entries += newEntries
        nextSeq += UInt64(newEntries.count)
        metrics.journalEntries.store(entries.count, ordering: .relaxed)
        if let history {
            // Before the store is published and the writes answered: whoever follows the feed sees each change
            // by the time its writer has its 2xx.
            var derivation = ChangeDerivation(history: history)
            recordHistory(history, derivation.changes(of: newEntries, before: current, after: store))
        }
        current = store
        publish(store)
        for (index, entry) in zip(accepted, newEntries) {
            results[index] = .stored(store: store, entry: entry, created: creates[index])
            metrics.record(entry.action, status: creates[index] ? 201 : (entry.action == .deleteArticle ? 204 : 200))
        }
        metrics.recordCommit(seconds: Self.seconds(since: started), writes: accepted.count)
        compactIfDue()
        return results.map { $0! }
    }

    /// A full disk only delays the history (it keeps the changes and stores them with the next ones); any other
    /// failure stops the writer (see `historyFailure`). The writes already journalled are answered either way.
    private func recordHistory(_ history: History, _ changes: [RecordedChange]) {
        do { try history.append(changes) } catch {
            if case .noSpace = error { return }
            historyFailure = "the history could not be written (\(error)); writes resume after a restart"
        }
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

public enum WriterOpenError: Error, CustomStringConvertible {
    case journal(JournalError)
    case invalid(DatasetInvalid)

    public var description: String {
        switch self {
        case .journal(let error): "the journal cannot be read: \(error)"
        case .invalid(let invalid): invalid.description
        }
    }
}
