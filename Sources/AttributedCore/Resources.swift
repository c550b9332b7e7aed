import Foundation

/// Files that ship inside the binary's resource bundle.
public enum BundledResources {
    /// openapi.yaml, the same file as at the repository root (the bundle copies it at build time).
    public static func openAPISpecification() -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let data = try? Data(contentsOf: url)
        else { return Array("openapi.yaml is missing from the resource bundle\n".utf8) }
        return [UInt8](data)
    }

    /// A file of the explorer (its stylesheet, its script, the editor's parts in `Explorer/Editor`).
    public static func explorerFile(_ name: String, extension: String, folder: String? = nil) -> [UInt8] {
        let subdirectory = folder.map { "Explorer/" + $0 } ?? "Explorer"
        guard let url = Bundle.module.url(forResource: name, withExtension: `extension`, subdirectory: subdirectory),
              let data = try? Data(contentsOf: url)
        else { return Array("/* \(name).\(`extension`) is missing from the resource bundle */\n".utf8) }
        return [UInt8](data)
    }

    /// The default dataset: the annotated seed article.
    public static var seedDatasetPath: String? {
        Bundle.module.url(forResource: "is-emerging-in-karachi", withExtension: "json", subdirectory: "Seed")?.path
    }

    public static var seedTextPath: String? {
        Bundle.module.url(forResource: "is-emerging-in-karachi", withExtension: "txt", subdirectory: "Seed")?.path
    }
}
