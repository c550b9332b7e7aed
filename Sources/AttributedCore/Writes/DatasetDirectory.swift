import Foundation

/// A dataset as its directory holds it: the base files with the journal's writes laid over them. What `serve`,
/// `validate` and `compact` read, so that each sees every acknowledged write.
public enum DatasetDirectory {
    /// Whether `path` is a directory that holds a journal.
    public static func hasJournal(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(FileJournal.fileName))
    }

    /// How many writes the directory's journal holds.
    public static func journalEntries(_ path: String) throws -> Int {
        try FileJournal(directory: path, exclusive: false).replay().entries.count
    }

    /// The dataset at `path` (a file, or a directory with or without a journal) and what replay dropped from the
    /// journal's end, if anything.
    public static func load(path: String) throws(DatasetInvalid) -> (dataset: Dataset, droppedTail: String?) {
        guard hasJournal(path) else { return (try DatasetLoader.load(path: path), nil) }
        let replay: JournalReplay
        do { replay = try FileJournal(directory: path, exclusive: false).replay() } catch {
            throw DatasetInvalid(issues: [ValidationIssue(file: FileJournal.fileName, message: "cannot read the journal: \(error)")])
        }
        return (try DatasetLoader.load(path: path, overlays: replay.entries.map(\.overlay)), replay.droppedTail)
    }
}
