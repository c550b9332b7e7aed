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

    /// Loads, validates and indexes; reports what it loaded and how long it took.
    func loadStore() throws(DatasetInvalid) -> Store {
        let started = Date()
        let store = Store(try load())
        let counts = store.counts
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        Console.status("loaded \(displayName): \(counted(counts.articles, "article")), \(counted(counts.entities, "entity", "entities")), "
            + "\(counted(counts.claims, "claim")) in \(milliseconds) ms (version \(store.version))")
        return store
    }
}
