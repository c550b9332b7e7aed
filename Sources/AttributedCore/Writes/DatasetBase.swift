/// The files a writer lays the journal over: a dataset directory (read again for every commit, so that what it
/// validates is what a fresh start would load), or files in memory (tests).
public enum DatasetBase: Sendable {
    case path(String)
    case files([(name: String, bytes: [UInt8])])

    func load(overlays: [DatasetOverlay]) throws(DatasetInvalid) -> Dataset {
        switch self {
        case .path(let path): try DatasetLoader.load(path: path, overlays: overlays)
        case .files(let files): try DatasetLoader.load(files: files, overlays: overlays)
        }
    }
}

extension JournalEntry {
    /// The entry as the loader lays it over the base.
    var overlay: DatasetOverlay {
        DatasetOverlay(name: "\(FileJournalName.value)#\(seq)", document: document, articles: articles, entities: entities)
    }
}

/// The journal's name in issues, whatever backs it.
enum FileJournalName {
    static let value = "attributed.journal"
}
