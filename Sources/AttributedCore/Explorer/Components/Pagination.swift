/// The links under a list page: back to its first page, and on to the next (the API's keyset cursor, kept opaque).
enum Pagination {
    static func write(next: String?, for request: Request, into out: inout HTMLOutput) {
        let isFirst = !request.query.contains { $0.name == "cursor" }
        guard next != nil || !isFirst else { return }
        out.raw(#"<nav class="pagination" aria-label="Pages">"#)
        if !isFirst {
            out.link(ListResponse.url(path: request.path, query: request.query.filter { $0.name != "cursor" }), "First page")
        }
        if let next {
            out.raw(" <a")
            out.attribute("href", ListResponse.nextURL(for: request, cursor: next))
            out.raw(#" rel="next">Next page →</a>"#)
        }
        out.raw("</nav>")
    }
}

/// A list page's items, or a sentence when there are none, then the links to the other pages.
enum PagedList {
    static func write(_ page: Page, request: Request, listClass: StaticString, empty: StaticString, into out: inout HTMLOutput,
                      item: (Int, inout HTMLOutput) -> Void) {
        guard !page.ordinals.isEmpty else {
            out.raw("<p>")
            out.raw(empty)
            out.raw("</p>")
            return
        }
        out.raw("<ol class=\"")
        out.raw(listClass)
        out.raw("\">")
        for ordinal in page.ordinals { item(ordinal, &out) }
        out.raw("</ol>")
        Pagination.write(next: page.next, for: request, into: &out)
    }
}
