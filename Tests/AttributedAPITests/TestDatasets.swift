@testable import AttributedCore
import Foundation

/// The datasets of Tests/Datasets (written by its make_datasets.py), loaded once.
enum TestDatasets {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets")

    static let indicators = load("indicators.json")
    static let hostileStrings = load("hostile-strings.json")
    static let formulaInjection = load("formula-injection.json")
    static let sourcing = load("sourcing.json")
    /// The same with every single filter's list counted at load, however short (at scale, only long lists are).
    static let sourcingPrecounted = load("sourcing.json", precountingFrom: 1)
    /// The loader's fixture of quotes in several segments (Tests/AttributedCoreTests/Fixtures/explicit).
    static let discontinuous = load("../AttributedCoreTests/Fixtures/explicit/discontinuous.json")

    private static func load(_ name: String, precountingFrom minimumCount: Int = PrecountedFacets.defaultMinimumCount) -> Store {
        do {
            let dataset = try DatasetLoader.load(path: directory.appendingPathComponent(name).path)
            return Store(dataset, loadedAt: Date().formatted(.iso8601), precountingFrom: minimumCount)
        } catch {
            fatalError("\(name) must load: \(error)")
        }
    }

    static func get(_ store: Store, _ target: String, ifNoneMatch: String? = nil) -> Response {
        SeedAPI.api.respond(to: SeedAPI.request(target, ifNoneMatch: ifNoneMatch), store: store)
    }
}
