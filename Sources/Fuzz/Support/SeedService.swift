@testable import AttributedCore

/// The API over the bundled seed dataset, as `attributed serve` starts with no arguments; loaded once per process.
public enum SeedService {
    public static let api = API(openAPISpecification: BundledResources.openAPISpecification())
    public static let store: Store = {
        guard let path = BundledResources.seedDatasetPath else { fatalError("the seed dataset is missing from the bundle") }
        do { return Store(try DatasetLoader.load(path: path)) } catch { fatalError("the seed dataset must load: \(error)") }
    }()
}
