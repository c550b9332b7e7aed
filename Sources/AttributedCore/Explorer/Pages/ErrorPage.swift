/// An explorer error as a page a person can read: the problem's title and detail, and the way back.
enum ErrorPage {
    static func render(_ problem: Problem) -> [UInt8] {
        PageLayout.render(title: problem.title) { out in
            out.raw(#"<section class="error"><h1>"#)
            out.text("\(problem.status) \(problem.title)")
            out.raw("</h1><p>")
            out.text(problem.detail)
            out.raw("</p><p>")
            out.link(ExplorerPaths.home, "Back to the articles")
            out.raw("</p></section>")
        }
    }
}
