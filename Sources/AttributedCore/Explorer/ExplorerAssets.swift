/// The explorer's stylesheet and script, served from the resource bundle (`Resources/Explorer`).
public struct ExplorerAssets: Sendable {
    public let stylesheet: [UInt8]
    public let script: [UInt8]

    public init(stylesheet: [UInt8], script: [UInt8]) {
        self.stylesheet = stylesheet
        self.script = script
    }

    public static var bundled: ExplorerAssets {
        ExplorerAssets(stylesheet: BundledResources.explorerFile("explorer", extension: "css"),
                       script: BundledResources.explorerFile("explorer", extension: "js"))
    }
}
