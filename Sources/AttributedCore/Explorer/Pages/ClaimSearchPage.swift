/// `/explore/?q=…`: the claims that match the words, best first (the API's `q` with `sort=relevance`).
struct ClaimSearchPage {
    let store: Store
    let words: String
    let page: Page
    let request: Request

    func render() -> [UInt8] {
        PageLayout.render(title: "Claims matching “\(words)”", search: words) { out in
            out.raw("<h1>")
            out.text("Claims matching “\(words)”")
            out.raw("</h1><p class=\"lead\">Words match the claim, its words in the article and the names of its sources; best matches first.</p>")
            PagedList.write(page, request: request, listClass: "claims", empty: "No claim matches every word.", into: &out) {
                ClaimRow.write($0, in: store, into: &$1)
            }
        }
    }
}
