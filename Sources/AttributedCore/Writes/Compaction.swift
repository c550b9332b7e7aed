import Foundation
import Glibc

/// Folds the journal into the base files: each base file is rewritten (canonical form) with what the writes left of
/// its records, the articles and entities the writes created go to `written.json`, and the journal is emptied.
/// The history (`attributed.history`) is brought up to date first and kept: revisions and seqs outlive this.
/// Crash-safe at every step: each file is replaced atomically (temporary file, fsync, rename, directory fsync), and
/// until the journal is emptied it replays onto the rewritten files to the same dataset (every entry replaces
/// whole what it names).
public enum Compaction {
    public static let writtenFileName = "written.json"

    public struct Report: Sendable {
        public var entries: Int
        public var rewrittenFiles: [String]
        public var version: String
    }

    /// `attributed compact DIR`: takes the journal's lock, so it is refused while a server writes to the directory.
    /// `historyRetention` (seconds): the history file keeps only what a server with that retention serves.
    public static func compact(directory: String, historyRetention: Double? = nil) throws -> Report {
        let journal = try FileJournal(directory: directory)  // its lock is held until the end, the pruning included
        let report = try compact(directory: directory, journal: journal, history: History(store: FileHistory(directory: directory)))
        if let historyRetention { try pruneHistory(directory, retention: historyRetention) }
        return report
    }

    /// With the journal and the history already open (the server compacting its own directory between commits):
    /// the history is brought up to date first, through the writer's own handle on it.
    static func compact(directory: String, journal: Journal, history: History?) throws -> Report {
        let replay = try journal.replay()
        guard !replay.entries.isEmpty else {
            return Report(entries: 0, rewrittenFiles: [], version: try DatasetLoader.load(path: directory).version)
        }
        let dataset = try DatasetLoader.load(path: directory, overlays: replay.entries.map(\.overlay))
        // The history must hold every write before the journal that also holds them is emptied.
        if let history, history.lastJournalSeq < replay.entries.last!.seq {
            try HistoryCatchUp.run(history, base: .path(directory), entries: replay.entries, current: Store(dataset))
        }
        let files = try SourceFile.read(path: directory)
        let touched = Set(replay.entries.flatMap(\.articles))
        let live = Set(dataset.articles.map(\.id))
        let records = DatasetRecords(dataset)
        var claimsOfArticle: [String: [String]] = [:]
        for ordinal in dataset.claims.indices {
            let article = dataset.claims.articles[Int(dataset.claims.records[ordinal].article)].id
            if touched.contains(article) { claimsOfArticle[article, default: []].append(dataset.claims.id(of: ordinal)) }
        }

        // Where each record lives now; what the writes brought that no base file holds goes to written.json.
        var placedArticles = Set<String>()
        var placedEntities = Set<String>()
        var outputs: [(path: String, outline: FileOutline)] = []
        for file in files {
            file.buffer.fillAll()
            let outline = FileOutline(Array(file.bytes))
            let articles = outline.articles.filter { live.contains($0) }
            let claims = outline.claims.filter { records.claims[$0] != nil && !touched.contains(articleOf($0, records)) }
                + articles.filter(touched.contains).flatMap { claimsOfArticle[$0] ?? [] }
            placedArticles.formUnion(outline.articles)
            placedEntities.formUnion(outline.entities)
            outputs.append((file.name, FileOutline(notes: outline.notes, articles: articles, entities: outline.entities, claims: claims)))
        }
        let newArticles = dataset.articles.map(\.id).filter { !placedArticles.contains($0) }
        let newEntities = dataset.entities.map(\.id).filter { !placedEntities.contains($0) }
        if !newArticles.isEmpty || !newEntities.isEmpty {
            let path = (directory as NSString).appendingPathComponent(writtenFileName)
            let outline = FileOutline(notes: "Articles and entities written over HTTP, folded in by attributed compact.",
                                      articles: newArticles, entities: newEntities,
                                      claims: newArticles.flatMap { claimsOfArticle[$0] ?? [] })
            if let index = outputs.firstIndex(where: { $0.path == path }) {
                let old = outputs[index].outline
                outputs[index].outline = FileOutline(notes: old.notes, articles: old.articles + newArticles,
                                                     entities: old.entities + newEntities,
                                                     claims: old.claims + outline.claims)
            } else {
                outputs.append((path, outline))
            }
        }
        let rendered = outputs.map { (path: $0.path, bytes: records.canonical(of: $0.outline)) }

        // Checked before anything is replaced: the new files alone load to the same records.
        let check = try DatasetLoader.load(files: rendered.map { (name: $0.path, bytes: $0.bytes) })
        guard check.counts == dataset.counts else {
            throw CompactionError("the rewritten files would hold \(check.counts), not \(dataset.counts); nothing was changed")
        }
        var rewritten: [String] = []
        for output in rendered {
            let old = FileManager.default.contents(atPath: output.path).map { [UInt8]($0) }
            guard old != output.bytes else { continue }
            try replaceAtomically(output.path, with: output.bytes, in: directory)
            rewritten.append(output.path)
        }
        try FileJournal.syncDirectory(directory)
        try journal.reset()
        return Report(entries: replay.entries.count, rewrittenFiles: rewritten, version: check.version)
    }

    /// After the catch-up (the journal's writes are all in the history), under the journal's lock.
    private static func pruneHistory(_ directory: String, retention: Double) throws {
        let store = try FileHistory(directory: directory)
        let changes = try store.load().changes
        let kept = History.retained(changes, retention: retention, now: Date())
        guard kept.count < changes.count else { return }
        try store.rewrite(keeping: kept)
    }

    private static func articleOf(_ claim: String, _ records: DatasetRecords) -> String {
        let table = records.dataset.claims
        return table.articles[Int(table.records[records.claims[claim]!].article)].id
    }

    /// Temporary file (dot-named, so a loader never reads it), fsync, rename over, fsync of the directory.
    static func replaceAtomically(_ path: String, with bytes: [UInt8], in directory: String) throws {
        let temporary = (directory as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).compacting")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CompactionError("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                close(descriptor)
                unlink(temporary)
                throw CompactionError("cannot write \(temporary): \(String(cString: strerror(errno)))")
            }
            written += result
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CompactionError("cannot replace \(path): \(String(cString: strerror(errno)))")
        }
        try FileJournal.syncDirectory(directory)
    }
}

public struct CompactionError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
