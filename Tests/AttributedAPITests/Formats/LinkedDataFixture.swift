@testable import AttributedCore
import Foundation

/// A small dataset with what the seed lacks: an article with a `url`, date, author, byline and summary; a quote
/// interrupted by its attribution (two segments); a claim whose origin is a document with an issuer; and a
/// character outside the BMP before every span (`𝕏`: one code point, two UTF-16 units, four UTF-8 bytes), so that
/// an offset counted in anything but code points is caught.
enum LinkedDataFixture {
    static let json = #"""
    {
      "format": "attributed-dataset/1",
      "articles": [
        {
          "id": "moss-pike", "headline": "Moss and the letter", "publisher": "the-gazette", "language": "en",
          "authors": ["ann-writer"], "byline": "By Ann Writer", "published": "2026-03-14",
          "url": "https://news.example/moss-pike", "summary": ["𝕏 A letter, sources say, puts Moss with Pike."],
          "body": "𝕏 Sources told The Gazette that a police letter says Xavier Moss met Yolanda Pike in March. “I have never,” Moss said, “met Yolanda Pike.”"
        }
      ],
      "entities": [
        {"id": "the-gazette", "kind": "publication", "name": "The Gazette"},
        {"id": "ann-writer", "kind": "person", "name": "Ann Writer"},
        {"id": "gazette-sources", "kind": "anonymous", "descriptor": "Sources"},
        {"id": "met-police", "kind": "organization", "name": "Metropolitan Police"},
        {"id": "police-letter", "kind": "document", "descriptor": "a police letter", "anonymity": "partially_identified",
         "issuer": "met-police", "date": "2026-03"},
        {"id": "xavier-moss", "kind": "person", "name": "Xavier Moss", "aliases": ["Moss"]},
        {"id": "yolanda-pike", "kind": "person", "name": "Yolanda Pike", "aliases": ["Pike"]}
      ],
      "claims": [
        {
          "id": "c01", "article": "moss-pike",
          "span": {"field": "body", "exact": "Xavier Moss met Yolanda Pike in March"},
          "about": ["xavier-moss", "yolanda-pike"], "proposition": "moss-met-pike",
          "chain": [
            {"source": "the-gazette"},
            {"source": "gazette-sources", "cue": "told", "mode": "indirect_speech", "recipient": "the-gazette"},
            {"source": "police-letter", "cue": "says", "mode": "document_citation"}
          ]
        },
        {
          "id": "c02", "article": "moss-pike",
          "span": {"field": "body", "segments": [{"exact": "I have never,"}, {"exact": "met Yolanda Pike."}]},
          "text": "Xavier Moss has never met Yolanda Pike", "about": ["xavier-moss", "yolanda-pike"],
          "proposition": "moss-never-met-pike",
          "chain": [
            {"source": "the-gazette"},
            {"source": "xavier-moss", "cue": "said", "mode": "direct_quote", "factuality": "CT+"}
          ]
        },
        {
          "id": "c03", "article": "moss-pike",
          "span": {"field": "summary", "index": 0, "exact": "puts Moss with Pike"},
          "about": ["xavier-moss"], "proposition": "moss-with-pike",
          "chain": [
            {"source": "the-gazette"},
            {"source": "gazette-sources", "cue": "say", "mode": "indirect_speech"}
          ]
        }
      ]
    }
    """#

    static let store: Store = {
        do { return Store(try DatasetLoader.load(files: [("linked-data.json", Array(json.utf8))])) } catch {
            fatalError("the linked-data fixture must load: \(error)")
        }
    }()

    static func get(_ target: String, accept: String? = nil, prefer: String? = nil) -> Response {
        var request = SeedAPI.request(target)
        request.accept = accept
        request.prefer = prefer
        return SeedAPI.api.respond(to: request, store: store)
    }
}
