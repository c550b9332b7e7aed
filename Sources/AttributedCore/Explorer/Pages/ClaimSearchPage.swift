/// `/explore/?q=…` (or any claim filter): the claims that match, best first with words (the API's `q` with
/// `sort=relevance`), in id order without; beside them, the facets of every match as links that refine the search.
struct ClaimSearchPage {
    let store: Store
    let words: String?
    let page: Page
    let facets: ListFacets.Counts
    let request: Request

    func render() -> [UInt8] {
        let title = words.map { "Claims matching “\($0)”" } ?? "Claims"
        return PageLayout.render(title: title, search: words) { out in
            out.raw("<div class=\"search-view\"><div class=\"results\"><h1>")
            out.text(title)
            out.raw("</h1><p class=\"lead\">")
            if words != nil {
                out.text("Words match the claim, its words in the article and the names of its sources; best matches first. ")
            }
            out.raw("<span class=\"matches\"")
            out.attribute("data-count", facets.matches)
            out.raw(">")
            out.text(counted(facets.matches, "claim") + (facets.matches == 1 ? " matches." : " match."))
            out.raw("</span></p>")
            PagedList.write(page, request: request, listClass: "claims", empty: "No claim matches.", into: &out) {
                ClaimRow.write($0, in: store, into: &$1)
            }
            out.raw("</div>")
            FacetSidebar.write(facets.facets, request: request, store: store, into: &out)
            out.raw("</div>")
        }
    }
}
