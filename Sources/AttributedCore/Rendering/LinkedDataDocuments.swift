/// A renderer of one JSON-LD document per record (a claim's annotation or schema.org `Claim`, an article's
/// `NewsArticle`): built as a tree, rarely asked for, and written for `Store.render` the same way.
protocol LinkedDataDocuments: Sendable {
    func document(_ ordinal: Int) -> JSON
}

extension LinkedDataDocuments {
    func write(_ ordinal: Int, into out: inout JSONOutput) {
        out.json(document(ordinal))
    }
}
