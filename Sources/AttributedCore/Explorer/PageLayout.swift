/// The frame of every explorer page: the one stylesheet and the one script (no inline script or style, as the
/// Content-Security-Policy demands), a header with the claim search, the page's content, a footer.
enum PageLayout {
    static func render(title: String, search: String? = nil, _ content: (inout HTMLOutput) -> Void) -> [UInt8] {
        var out = HTMLOutput()
        out.raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        out.raw(#"<meta name="viewport" content="width=device-width, initial-scale=1"><title>"#)
        out.text(title)
        out.raw(" · attributed</title><link rel=\"stylesheet\"")
        out.attribute("href", ExplorerPaths.stylesheet)
        out.raw("><script")
        out.attribute("src", ExplorerPaths.script)
        out.raw(" defer></script></head><body><header class=\"site\"><a class=\"brand\"")
        out.attribute("href", ExplorerPaths.home)
        out.raw(#">attributed <span>explorer</span></a><a class="corpus-link""#)
        out.attribute("href", SourcingPage.path)
        out.raw(#">Sourcing over time</a><form class="search" role="search" method="get""#)
        out.attribute("action", ExplorerPaths.home)
        out.raw(#"><label for="q">Search claims</label><input id="q" name="q" type="search" required maxlength="256""#)
        out.raw(#" placeholder="words of a claim or a source's name""#)
        if let search { out.attribute("value", search) }
        out.raw(#"><button type="submit">Search</button></form></header><main>"#)
        content(&out)
        out.raw(#"</main><footer><p>Served by attributed. The same data as JSON: <a href="/v1/articles">/v1/articles</a>, "#)
        out.raw(#"<a href="/v1/indicators">/v1/indicators</a>; the contract: <a href="/openapi.yaml">openapi.yaml</a>.</p></footer>"#)
        out.raw("</body></html>\n")
        return out.bytes
    }
}
