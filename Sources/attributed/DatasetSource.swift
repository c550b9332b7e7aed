import AttributedCore
import Foundation

/// Where the dataset comes from: `--data PATH`, or the annotated seed article bundled with the binary.
struct DatasetSource {
    let path: String?

    var displayName: String { path ?? "built-in seed dataset" }

    func load() throws(DatasetInvalid) -> Dataset {
        guard let path = path ?? BundledResources.seedDatasetPath else {
            throw DatasetInvalid(issues: [ValidationIssue(file: "built-in seed dataset",
                                                          message: "missing from the resource bundle next to the binary")])
        }
        return try DatasetLoader.load(path: path)
    }

    /// Loads, validates and indexes; returns the store and the line that reports it (to be written once it serves).
    func loadStore() throws(DatasetInvalid) -> (store: Store, report: String) {
        let started = Date()
        let dataset = try load()
        let loaded = Date()
        let store = Store(dataset)
        let counts = store.counts
        let milliseconds = { (from: Date, to: Date) in Int(to.timeIntervalSince(from) * 1000) }
        let finished = Date()
        let report = "loaded \(displayName): \(counted(counts.articles, "article")), \(counted(counts.entities, "entity", "entities")), "
            + "\(counted(counts.claims, "claim")) in \(milliseconds(started, finished)) ms (version \(store.version); reading and "
            + "checking \(milliseconds(started, loaded)) ms, indexing \(milliseconds(loaded, finished)) ms)"
        return (store, report)
    }
}
