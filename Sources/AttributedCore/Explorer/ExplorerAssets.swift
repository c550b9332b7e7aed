/// The explorer's stylesheet and script, served from the resource bundle (`Resources/Explorer`).
public struct ExplorerAssets: Sendable {
    public let stylesheet: [UInt8]
    public let script: [UInt8]

    public init(stylesheet: [UInt8], script: [UInt8]) {
        self.stylesheet = stylesheet
        self.script = script
    }

    /// The editor's parts, in the order they are joined: each file has one job, and they share one scope.
    static let editorParts = ["dom", "api", "documents", "text-selection", "cue-suggestion", "chain-drawing", "combobox",
                              "source-form", "link-row", "claim-form", "entity-form", "saving", "editor"]

    public static var bundled: ExplorerAssets {
        ExplorerAssets(stylesheet: BundledResources.explorerFile("explorer", extension: "css"), script: bundledScript())
    }

    /// The page keeps one script (the policy allows only the server's own files, and one request is enough): the
    /// explorer's, then the editor's parts in one function scope, with the reporting-cue lexicon (data, kept as JSON
    /// in `Editor/reporting-cues.json`, which `scripts/measure-cue-suggestions` reads too) as a constant.
    static func bundledScript() -> [UInt8] {
        var script = BundledResources.explorerFile("explorer", extension: "js")
        script += Array("\n// The editor (docs/editor.md): only with a write token, on a server that takes writes.\n".utf8)
        script += Array("(function () {\n'use strict';\nconst REPORTING_CUES = ".utf8)
        script += BundledResources.explorerFile("reporting-cues", extension: "json", folder: "Editor")
        script += Array(";\n".utf8)
        for part in editorParts {
            script += Array("\n// ---- \(part).js\n".utf8)
            script += BundledResources.explorerFile(part, extension: "js", folder: "Editor")
        }
        script += Array("})();\n".utf8)
        return script
    }
}
