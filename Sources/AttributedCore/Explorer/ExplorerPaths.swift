/// The explorer's URLs. Ids are percent-encoded as path segments, although the format's id syntax needs none.
enum ExplorerPaths {
    static let home = "/explore/"
    static let stylesheet = "/explore/assets/explorer.css"
    static let script = "/explore/assets/explorer.js"

    static func article(_ id: String) -> String { "/explore/articles/" + segment(id) }
    static func claim(_ id: String) -> String { "/explore/claims/" + segment(id) }
    static func entity(_ id: String) -> String { "/explore/entities/" + segment(id) }
    /// A claim in its article's page: the page selects it when it opens.
    static func claimInArticle(article id: String, claim: String) -> String { article(id) + "#claim-" + segment(claim) }

    static func apiArticle(_ id: String) -> String { "/v1/articles/" + segment(id) }
    static func apiIndicators(_ id: String) -> String { "/v1/articles/" + segment(id) + "/indicators" }
    static func apiClaim(_ id: String) -> String { "/v1/claims/" + segment(id) }
    static func apiProvenance(_ id: String) -> String { "/v1/claims/" + segment(id) + "/provenance" }
    static func apiEntity(_ id: String) -> String { "/v1/entities/" + segment(id) }

    private static func segment(_ id: String) -> String { percentEncoded(id) }
}
