/// Which record of an id survives when overlays are laid over the base files: the one in the newest layer that
/// names the id, and nothing older. Layers are numbered in load order; every base file is layer 0 and shadows
/// nothing, overlay `i` is layer `i + 1`.
struct Shadowing: Sendable {
    /// For each article or entity id an overlay names: the newest layer that names it.
    private var newestArticleLayer: [String: Int] = [:]
    private var newestEntityLayer: [String: Int] = [:]
    /// The layer of each file that holds records, by identity.
    private var layerOfFile: [ObjectIdentifier: Int] = [:]

    /// No overlay: every record is kept, and the loader skips every check.
    var isEmpty: Bool { newestArticleLayer.isEmpty && newestEntityLayer.isEmpty }
    /// Whether any article is replaced or deleted: only then must each claim's article be read before decoding.
    var shadowsArticles: Bool { !newestArticleLayer.isEmpty }

    init() {}

    init(overlays: [DatasetOverlay], files: [SourceFile?]) {
        for (index, overlay) in overlays.enumerated() {
            for id in overlay.articles { newestArticleLayer[id] = index + 1 }
            for id in overlay.entities { newestEntityLayer[id] = index + 1 }
            if let file = files[index] { layerOfFile[ObjectIdentifier(file)] = index + 1 }
        }
    }

    private func layer(of file: SourceFile) -> Int { layerOfFile[ObjectIdentifier(file)] ?? 0 }

    /// A record without a readable id is kept, so that its own problem is reported.
    func keepsArticle(_ id: String?, in file: SourceFile) -> Bool {
        guard let id, let newest = newestArticleLayer[id] else { return true }
        return newest == layer(of: file)
    }

    func keepsEntity(_ id: String?, in file: SourceFile) -> Bool {
        guard let id, let newest = newestEntityLayer[id] else { return true }
        return newest == layer(of: file)
    }

    /// A claim goes with its article: kept only from the layer whose copy of the article is kept.
    func keepsClaim(ofArticle article: String?, in file: SourceFile) -> Bool {
        keepsArticle(article, in: file)
    }
}
