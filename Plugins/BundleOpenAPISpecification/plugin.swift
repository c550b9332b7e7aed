import Foundation
import PackagePlugin

/// Copies the repository's openapi.yaml into AttributedCore's resource bundle at build time, so that the server
/// serves the contract file itself: there is one copy, at the repository root.
@main
struct BundleOpenAPISpecification: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let specification = context.package.directoryURL.appending(path: "openapi.yaml")
        let bundled = context.pluginWorkDirectoryURL.appending(path: "openapi.yaml")
        return [
            .buildCommand(displayName: "Bundling openapi.yaml", executable: URL(fileURLWithPath: "/bin/cp"),
                          arguments: [specification.path, bundled.path], inputFiles: [specification],
                          outputFiles: [bundled]),
        ]
    }
}
