/// A claim that passed every check, with its span placed (scalar and byte offsets of every segment) and each cue's
/// bytes: the compact store keeps both, and need not work them out again.
struct DecodedClaim {
    let id: String
    let article: String
    let span: AnchoredSpan
    let text: String
    let about: [String]
    let proposition: String
    /// The publication first.
    let chain: [AttributionLink]
    /// Per link, its cue's bytes (nil without a cue).
    let cueBytes: [Range<Int>?]
}

extension DatasetDecoder {
    /// Duplicate claim ids are found after decoding (claims are decoded in parallel), by the loader.
    func decodeClaim(_ record: RecordNode) -> DecodedClaim? {
        let values = reader(for: record)
        guard let claim = RecordReader(record.node, record.path, values) else { return nil }
        let id = claim.read("id", values.id)
        let articleId = claim.read("article") { node, path -> String? in
            guard let id = values.id(node, path) else { return nil }
            guard registry.articles.contains(id) else {
                values.report("unknown article \"\(id)\"", node, path)
                return nil
            }
            return id
        }
        let article = articleId.flatMap { articles[$0] }
        let articleText = articleId.flatMap { self.text(ofArticle: $0) }
        let decodedSpan = claim.read("span") { decodeSpan($0, $1, values, articleText) }
        // Left out, the text is the span's own words and the proposition the claim's id: nothing is shared.
        let text = claim.optional("text") { values.string($0, $1) }.flatMap { $0 ?? decodedSpan?.words }
        let about = claim.read("about", default: [], entityReferences(values))
        let proposition = claim.optional("proposition") { values.string($0, $1) }.flatMap { $0 ?? id }
        let links = claim.read("chain") { node, path -> [DecodedLink]? in
            var position = 0
            return values.array(node, path) { node, path in
                defer { position += 1 }
                return decodeLink(node, path, values, isFirst: position == 0, around: decodedSpan?.anchored)
            }
        }
        claim.rejectUnknownKeys(ClaimKeys.claim)

        var consistent = true
        if let links {
            consistent = checkChain(links, of: claim, publisher: article?.publisher)
        }
        guard consistent, let id, let articleId, let span = decodedSpan?.anchored, let text, let about, let proposition,
              let links
        else { return nil }
        return DecodedClaim(id: id, article: articleId, span: span, text: text, about: about, proposition: proposition,
                            chain: links.map(\.link), cueBytes: links.map(\.cueBytes))
    }
}

/// The keys each object of a claim may have, built once rather than per record.
enum ClaimKeys {
    static let claim = ["id", "article", "span", "text", "about", "proposition", "chain"]
    /// A quote selector's keys: a contiguous span's (beside `field` and `index`), and each segment's.
    static let selector = ["exact", "start", "end", "prefix", "suffix"]
    static let span = ["field"] + selector + ["segments"]
    static let summarySpan = span + ["index"]
    static let link = ["source", "cue", "mode", "attributionType", "factuality", "recipient", "derivation"]
    static let cue = ["text", "start", "end"]
}
