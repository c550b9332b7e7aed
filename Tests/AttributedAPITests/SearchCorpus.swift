@testable import AttributedCore
import Foundation

/// A small dataset written from sentences: one article whose body is the sentences, one claim quoting each
/// sentence from the source given with it. Offsets are computed here, in Unicode scalars, as the format wants.
enum SearchCorpus {
    struct Person {
        var id: String
        var name: String
        var aliases: [String] = []
        var descriptor: String? = nil
    }

    static func store(_ sentences: [(text: String, source: String)], people: [Person]) throws -> Store {
        try Store(DatasetLoader.load(files: [("search.json", Array(json(sentences, people: people).utf8))]))
    }

    static func api(_ store: Store, _ target: String) -> Response {
        SeedAPI.api.respond(to: SeedAPI.request(target), store: store)
    }

    static func json(_ sentences: [(text: String, source: String)], people: [Person]) -> String {
        var body = ""
        var claims: [[String: Any]] = []
        for (index, sentence) in sentences.enumerated() {
            if !body.isEmpty { body += " " }
            let start = body.unicodeScalars.count
            body += sentence.text
            let end = body.unicodeScalars.count
            claims.append([
                "id": String(format: "c%04d", index), "article": "story",
                "span": ["field": "body", "start": start, "end": end, "exact": sentence.text, "prefix": "", "suffix": ""],
                "text": sentence.text, "about": [], "proposition": "p\(index)",
                "chain": [
                    ["source": "gazette", "cue": NSNull(), "mode": "narration", "attributionType": "assertion",
                     "factuality": "Uu", "recipient": NSNull(), "derivation": NSNull()],
                    ["source": sentence.source, "cue": NSNull(), "mode": "direct_quote", "attributionType": "assertion",
                     "factuality": "CT+", "recipient": NSNull(), "derivation": "quotation"],
                ],
            ])
        }
        var entities: [[String: Any]] = [[
            "id": "gazette", "kind": "publication", "name": "The Gazette", "descriptor": NSNull(), "aliases": [],
            "anonymity": "named", "anonymityReason": NSNull(), "affiliation": NSNull(), "roles": [],
        ]]
        for person in people {
            entities.append([
                "id": person.id, "kind": "person", "name": person.name, "descriptor": person.descriptor ?? NSNull(),
                "aliases": person.aliases, "anonymity": "named", "anonymityReason": NSNull(), "affiliation": NSNull(),
                "roles": [],
            ])
        }
        let article: [String: Any] = [
            "id": "story", "headline": "A story", "summary": [], "body": body, "publisher": "gazette", "authors": [],
            "byline": NSNull(), "published": NSNull(), "url": NSNull(), "language": "en",
        ]
        let dataset: [String: Any] = ["format": DatasetLoader.format, "articles": [article], "entities": entities, "claims": claims]
        let data = try! JSONSerialization.data(withJSONObject: dataset, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
