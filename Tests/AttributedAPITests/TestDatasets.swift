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
    /// The loader's fixture of quotes in several segments (Tests/AttributedCoreTests/Fixtures/explicit).
    static let discontinuous = load("../AttributedCoreTests/Fixtures/explicit/discontinuous.json")

    private static func load(_ name: String) -> Store {
        do { return Store(try DatasetLoader.load(path: directory.appendingPathComponent(name).path)) } catch {
            fatalError("\(name) must load: \(error)")
        }
    }

    static func get(_ store: Store, _ target: String, ifNoneMatch: String? = nil) -> Response {
        SeedAPI.api.respond(to: SeedAPI.request(target, ifNoneMatch: ifNoneMatch), store: store)
    }
}
