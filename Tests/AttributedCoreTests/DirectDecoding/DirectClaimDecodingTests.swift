import Foundation
import Testing
@testable import AttributedCore

/// The claim decoder's direct path (claims read straight from their bytes) against the ordinary one (through a parsed
/// node): for each of many variants of the base fixture's claims, valid and not, both loads must end the same way,
/// with the same claims or the same issues, word for word.
@Suite struct DirectClaimDecodingTests {
    typealias Object = [String: Any]

    /// One change to one claim (given as an object), or to the file's text once written.
    struct Variant: Sendable, CustomTestStringConvertible {
        let name: String
        let claim: @Sendable (inout Object) -> Void
        let text: @Sendable (String) -> String
        /// Written indented over many lines rather than compactly.
        let prettyPrinted: Bool
        var testDescription: String { name }

        init(_ name: String, prettyPrinted: Bool = false, claim: @escaping @Sendable (inout Object) -> Void = { _ in },
             text: @escaping @Sendable (String) -> String = { $0 }) {
            self.name = name
            self.prettyPrinted = prettyPrinted
            self.claim = claim
            self.text = text
        }

        static func span(_ name: String, _ change: @escaping @Sendable (inout Object) -> Void) -> Variant {
            Variant("span: " + name) { claim in
                var span = claim["span"] as! Object
                change(&span)
                claim["span"] = span
            }
        }

        static func link(_ index: Int, _ name: String, _ change: @escaping @Sendable (inout Object) -> Void) -> Variant {
            Variant("link \(index): " + name) { claim in
                var chain = claim["chain"] as! [Object]
                change(&chain[index])
                claim["chain"] = chain
            }
        }
    }

    static let variants: [Variant] = [
        Variant("unchanged"),
        Variant("pretty-printed, keys sorted (span and chain after about)", prettyPrinted: true),
    ] + ["id", "article", "span", "text", "about", "proposition", "chain"].map { key in
        Variant("without \(key)") { $0[key] = nil }
    } + [
        Variant("an unknown key") { $0["extra"] = 1 },
        Variant("id with a space") { $0["id"] = "c 1" },
        Variant("empty id") { $0["id"] = "" },
        Variant("numeric id") { $0["id"] = 5 },
        Variant("unknown article") { $0["article"] = "a9" },
        Variant("empty text") { $0["text"] = "" },
        Variant("null text") { $0["text"] = NSNull() },
        Variant("text with a quote (escaped)") { $0["text"] = "Rain \"is\" coming" },
        Variant("text with accents") { $0["text"] = "Pluie à Lisbonne, Núñez" },
        Variant("about empty") { $0["about"] = [String]() },
        Variant("about repeated") { $0["about"] = ["city", "city"] },
        Variant("about unknown") { $0["about"] = ["nobody"] },
        Variant("about not an array") { $0["about"] = "city" },
        Variant("about two") { $0["about"] = ["daily", "city"] },
        Variant("empty proposition") { $0["proposition"] = "" },
        Variant("null proposition") { $0["proposition"] = NSNull() },
        Variant("span null") { $0["span"] = NSNull() },
        Variant("span an array") { $0["span"] = [Int]() },
        Variant.span("without start") { $0["start"] = nil },
        Variant.span("without end") { $0["end"] = nil },
        Variant.span("without offsets") { $0["start"] = nil; $0["end"] = nil },
        Variant.span("words only") { $0 = ["field": $0["field"]!, "exact": $0["exact"]!] },
        Variant.span("without prefix") { $0["prefix"] = nil },
        Variant.span("without suffix") { $0["suffix"] = nil },
        Variant.span("start a fraction") { $0["start"] = 1.5 },
        Variant.span("start negative") { $0["start"] = -1 },
        Variant.span("start a string") { $0["start"] = "29" },
        Variant.span("end before start") { $0["end"] = 1 },
        Variant.span("end past the text") { $0["end"] = 100_000 },
        Variant.span("exact changed") { $0["exact"] = "rain is cominG" },
        Variant.span("exact empty") { $0["exact"] = "" },
        Variant.span("exact not in the text") { $0 = ["field": $0["field"]!, "exact": "snow is coming"] },
        Variant.span("prefix wrong") { $0["prefix"] = "nobody said " },
        Variant.span("suffix wrong") { $0["suffix"] = " tomorrow" },
        Variant.span("prefix empty") { $0["prefix"] = "" },
        Variant.span("field headline") { $0["field"] = "headline" },
        Variant.span("field summary without index") { $0["field"] = "summary" },
        Variant.span("field unknown") { $0["field"] = "lede" },
        Variant.span("an index outside the summary") { $0["index"] = 0 },
        Variant.span("segments") { $0["segments"] = [["exact": "rain"], ["exact": "coming"]] },
        Variant.span("an unknown key") { $0["offset"] = 3 },
        Variant("chain empty") { $0["chain"] = [Object]() },
        Variant("chain an object") { $0["chain"] = Object() },
        Variant("chain without the publisher") { $0["chain"] = Array(($0["chain"] as! [Object]).dropFirst()) },
        Variant("chain with a link that is not an object") { $0["chain"] = ($0["chain"] as! [Any]) + [3] },
        Variant("chain with a third link") { claim in
            claim["chain"] = (claim["chain"] as! [Object]) + [["source": "police", "mode": "document_citation"]]
        },
        Variant("chain with a third link from the same source") { claim in
            let chain = claim["chain"] as! [Object]
            claim["chain"] = chain + [["source": chain[1]["source"]!, "mode": "indirect_speech"]]
        },
        Variant.link(0, "mode left out (narration)") { $0["mode"] = nil },
        Variant.link(0, "mode direct_quote") { $0["mode"] = "direct_quote" },
        Variant.link(0, "a derivation") { $0["derivation"] = "quotation" },
        Variant.link(0, "source not the publisher") { $0["source"] = "police" },
        Variant.link(0, "only the source") { $0 = ["source": $0["source"]!] },
        Variant.link(1, "without mode") { $0["mode"] = nil },
        Variant.link(1, "mode narration") { $0["mode"] = "narration" },
        Variant.link(1, "mode unknown") { $0["mode"] = "quote" },
        Variant.link(1, "same source as the publisher") { $0["source"] = "daily" },
        Variant.link(1, "a place as source") { $0["source"] = "city" },
        Variant.link(1, "unknown source") { $0["source"] = "nobody" },
        Variant.link(1, "derivation null") { $0["derivation"] = NSNull() },
        Variant.link(1, "derivation left out") { $0["derivation"] = nil },
        Variant.link(1, "derivation unknown") { $0["derivation"] = "copy" },
        Variant.link(1, "cue as a string") { $0["cue"] = ($0["cue"] as! Object)["text"] },
        Variant.link(1, "cue as a string not in the text") { $0["cue"] = "whispered" },
        Variant.link(1, "cue as an empty string") { $0["cue"] = "" },
        Variant.link(1, "cue without offsets") { $0["cue"] = ["text": ($0["cue"] as! Object)["text"]!] },
        Variant.link(1, "cue with a wrong start") { $0["cue"] = ["text": ($0["cue"] as! Object)["text"]!, "start": 0] },
        Variant.link(1, "cue with only an end") { $0["cue"] = ["text": ($0["cue"] as! Object)["text"]!, "end": ($0["cue"] as! Object)["end"]!] },
        Variant.link(1, "cue empty object") { $0["cue"] = Object() },
        Variant.link(1, "cue a number") { $0["cue"] = 5 },
        Variant.link(1, "cue with an unknown key") { $0["cue"] = ["text": ($0["cue"] as! Object)["text"]!, "at": 1] },
        Variant.link(1, "cue null") { $0["cue"] = NSNull() },
        Variant.link(1, "recipient null") { $0["recipient"] = NSNull() },
        Variant.link(1, "recipient left out") { $0["recipient"] = nil },
        Variant.link(1, "recipient unknown") { $0["recipient"] = "nobody" },
        Variant.link(1, "factuality unknown") { $0["factuality"] = "CT" },
        Variant.link(1, "factuality PR+") { $0["factuality"] = "PR+" },
        Variant.link(1, "attributionType left out") { $0["attributionType"] = nil },
        Variant.link(1, "attributionType belief") { $0["attributionType"] = "belief" },
        Variant.link(1, "an unknown key") { $0["tone"] = "neutral" },
        // Numbers and literals as only the text can write them.
        Variant("start with a leading zero", text: { $0.replacingOccurrences(of: "\"start\":29,", with: "\"start\":029,") }),
        Variant("start as -0", text: { $0.replacingOccurrences(of: "\"start\":29,", with: "\"start\":-0,") }),
        Variant("start with an exponent", text: { $0.replacingOccurrences(of: "\"start\":29,", with: "\"start\":2.9e1,") }),
        Variant("start as 29.0", text: { $0.replacingOccurrences(of: "\"start\":29,", with: "\"start\":29.0,") }),
        Variant("start huge", text: { $0.replacingOccurrences(of: "\"start\":29,", with: "\"start\":99999999999999999999999,") }),
        Variant("a repeated key", text: { $0.replacingOccurrences(of: "\"id\":\"c1\",", with: "\"id\":\"c1\",\"id\":\"c1\",") }),
        Variant("an escaped key", text: { $0.replacingOccurrences(of: "\"proposition\":", with: "\"propositio\\u006e\":") }),
        Variant("an escaped id", text: { $0.replacingOccurrences(of: "\"id\":\"c1\"", with: "\"id\":\"c\\u0031\"") }),
        Variant("a syntax error in a claim", text: { $0.replacingOccurrences(of: "\"id\":\"c1\",", with: "\"id\":\"c1\",,") }),
        Variant("nul for null", text: { $0.replacingOccurrences(of: "\"cue\":null", with: "\"cue\":nul") }),
        Variant("nulls for null", text: { $0.replacingOccurrences(of: "\"cue\":null", with: "\"cue\":nulls") }),
        Variant("whitespace everywhere", text: {
            $0.replacingOccurrences(of: ":", with: " :\n\t ").replacingOccurrences(of: ",", with: " \r\n, ")
        }),
    ] + segmentVariants + escapeVariants + summaryVariants + cueVariants

    /// The span's first and last words, as two segments (as a quote interrupted by its attribution would be).
    static func segments(_ span: Object) -> [Object] {
        let words = (span["exact"] as! String).split(separator: " ").map(String.init)
        return [["exact": words.first!], ["exact": words.last!]]
    }

    static func segmented(_ span: inout Object, _ change: ([Object]) -> [Any]) {
        span = ["field": span["field"]!, "segments": change(segments(span))].merging(span["index"].map { ["index": $0] } ?? [:]) { $1 }
    }

    static let segmentVariants: [Variant] = [
        Variant.span("segments, words only") { segmented(&$0) { $0 } },
        Variant.span("segments, the first with its start") { span in
            let start = span["start"]!
            segmented(&span) { [$0[0].merging(["start": start]) { $1 }, $0[1]] }
        },
        Variant.span("segments, the second with a prefix") { segmented(&$0) { [$0[0], $0[1].merging(["prefix": " "]) { $1 }] } },
        Variant.span("segments, the second with a wrong prefix") { segmented(&$0) { [$0[0], $0[1].merging(["prefix": "x"]) { $1 }] } },
        Variant.span("segments, the second with a suffix") { segmented(&$0) { [$0[0], $0[1].merging(["suffix": "."]) { $1 }] } },
        Variant.span("segments out of order") { segmented(&$0) { [$0[1], $0[0]] } },
        Variant.span("segments overlapping, by offsets") { span in
            let start = span["start"]!
            segmented(&span) { [$0[0].merging(["start": start]) { $1 }, $0[0].merging(["start": start]) { $1 }] }
        },
        Variant.span("segments, the second before the first by offsets") { span in
            let start = span["start"]!
            segmented(&span) { [$0[1], $0[0].merging(["start": start]) { $1 }] }
        },
        Variant.span("segments, only one") { segmented(&$0) { [$0[0]] } },
        Variant.span("segments, none") { segmented(&$0) { _ in [] } },
        Variant.span("segments, three") { segmented(&$0) { [$0[0], ["exact": " "], $0[1]] } },
        Variant.span("segments, one not an object") { segmented(&$0) { [$0[0], 3] } },
        Variant.span("segments, one with an unknown key") { segmented(&$0) { [$0[0], $0[1].merging(["field": "body"]) { $1 }] } },
        Variant.span("segments, one with an empty exact") { segmented(&$0) { [$0[0], ["exact": ""]] } },
        Variant.span("segments, one without exact") { segmented(&$0) { [$0[0], ["start": 1]] } },
        Variant.span("segments, one ambiguous") { segmented(&$0) { [["exact": "a"], $0[1]] } },
        Variant.span("segments, one not in the text") { segmented(&$0) { [$0[0], ["exact": "snow"]] } },
        Variant.span("segments, a prefix on the span") { span in
            segmented(&span) { $0 }
            span["prefix"] = ""
        },
        Variant.span("segments, not an array") { span in
            segmented(&span) { $0 }
            span["segments"] = "rain"
        },
        Variant("segments and a defaulted text") { claim in
            var span = claim["span"] as! Object
            segmented(&span) { $0 }
            claim["span"] = span
            claim["text"] = nil
        },
    ]

    /// Strings with escapes, as real text has them (a quote within a quote), and broken ones.
    static let escapeVariants: [Variant] = [
        Variant("exact with an escaped letter", text: { $0.replacingOccurrences(of: "\"exact\":\"rain is", with: "\"exact\":\"rain \\u0069s") }),
        Variant("exact with an escaped combining accent", text: {
            $0.replacingOccurrences(of: "\"exact\":\"the Cafe\u{301}", with: "\"exact\":\"the Cafe\\u0301")
        }),
        Variant("exact with a precomposed accent, escaped", text: {
            $0.replacingOccurrences(of: "\"exact\":\"the Cafe\u{301}", with: "\"exact\":\"the Caf\\u00e9")
        }),
        Variant("exact with an escaped slash", text: { $0.replacingOccurrences(of: "\"exact\":\"rain is", with: "\"exact\":\"rain\\/is") }),
        Variant("exact with an escaped newline", text: { $0.replacingOccurrences(of: "\"exact\":\"rain is", with: "\"exact\":\"rain\\nis") }),
        Variant("exact with an invalid escape", text: { $0.replacingOccurrences(of: "\"exact\":\"rain is", with: "\"exact\":\"rain\\xis") }),
        Variant("exact with a raw tab", text: { $0.replacingOccurrences(of: "\"exact\":\"rain is", with: "\"exact\":\"rain\tis") }),
        Variant("exact ending in an escaped quote", text: { $0.replacingOccurrences(of: "\"exact\":\"rain is coming\"", with: "\"exact\":\"rain is coming\\\"\"") }),
        Variant("text with a surrogate pair", text: { $0.replacingOccurrences(of: "\"text\":\"Rain", with: "\"text\":\"\\ud83c\\udf27 Rain") }),
        Variant("text with a lone surrogate", text: { $0.replacingOccurrences(of: "\"text\":\"Rain", with: "\"text\":\"\\ud83c Rain") }),
        Variant("text with a short \\u escape", text: { $0.replacingOccurrences(of: "\"text\":\"Rain", with: "\"text\":\"\\u12") }),
        Variant("text only an escape", text: { $0.replacingOccurrences(of: "\"text\":\"Rain is coming\"", with: "\"text\":\"\\t\"") }),
        Variant("cue with an escaped letter", text: { $0.replacingOccurrences(of: "\"text\":\"told\"", with: "\"text\":\"tol\\u0064\"") }),
        Variant("proposition with an escaped quote") { $0["proposition"] = "rain \"coming\"" },
    ]

    /// A span in the summary, which names its bullet (claim 1's is there already).
    static let summaryVariants: [Variant] = [
        Variant.span("in the summary, words only") { $0 = ["field": "summary", "index": 0, "exact": "the Cafe\u{301} will flood"] },
        Variant.span("index out of range") { $0["index"] = 3 },
        Variant.span("index negative") { $0["index"] = -1 },
        Variant.span("index a string") { $0["index"] = "0" },
        Variant.span("index null") { $0["index"] = NSNull() },
        Variant.span("index a fraction") { $0["index"] = 0.5 },
        Variant.span("in the headline, with an index") { $0 = ["field": "headline", "index": 0, "exact": "Ana says"] },
        Variant.span("in the headline, at its end") { $0 = ["field": "headline", "exact": "Ana says 🌧"] },
        Variant.span("at the end of the body") { $0 = ["field": "body", "exact": "flood”."] },
    ]

    /// Cues placed by their words: near or inside the span, at the text's edges, multi-byte, ambiguous.
    static let cueVariants: [Variant] = [
        Variant.link(1, "cue a word of the span") { $0["cue"] = "is" },
        Variant.link(1, "cue a letter everywhere") { $0["cue"] = "a" },
        Variant.link(1, "cue a curly quote") { $0["cue"] = "“" },
        Variant.link(1, "cue the body's last character") { $0["cue"] = "." },
        Variant.link(1, "cue the body's first word") { $0["cue"] = "Ana" },
        Variant.link(1, "cue the whole body") { $0["cue"] = "Ana Lima told The Daily that rain is coming. Sources said “the Cafe\u{301} will flood”." },
        Variant.link(1, "cue with a combining accent") { $0["cue"] = "e\u{301}" },
        Variant.link(1, "cue a bare accent") { $0["cue"] = "\u{301}" },
        Variant.link(1, "cue differing in case") { $0["cue"] = "TOLD" },
        Variant.link(1, "cue with only a start") { $0["cue"] = ["text": "told", "start": 9] },
    ]

    /// The base fixture with `variant` applied to claim `index`, written compactly with sorted keys (or pretty-printed).
    static func dataset(_ variant: Variant, claim index: Int) throws -> [UInt8] {
        let base = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("base.json")))
        var top = try JSONSerialization.jsonObject(with: base) as! Object
        var claims = top["claims"] as! [Object]
        variant.claim(&claims[index])
        top["claims"] = claims
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if variant.prettyPrinted { options.insert(.prettyPrinted) }
        let text = String(decoding: try JSONSerialization.data(withJSONObject: top, options: options), as: UTF8.self)
        return Array(variant.text(text).utf8)
    }

    /// Every claim in full, or every issue line; and how many claims were read directly.
    static func outcome(_ bytes: [UInt8], decodingDirectly: Bool) -> (lines: [String], direct: Int) {
        do {
            let dataset = try DatasetLoader.load([SourceFile(name: "base.json", bytes: bytes)], decodingDirectly: decodingDirectly)
            return (dataset.claims.map { String(describing: $0) }, dataset.claimsDecodedDirectly)
        } catch {
            return (error.issues.map(\.description), 0)
        }
    }

    // Claim 0 is a body span with an indirect-speech link and a recipient, claim 1 a summary span, claim 2 a direct
    // quote.
    @Test(arguments: variants, [0, 1, 2])
    func bothPathsEndTheSameWay(_ variant: Variant, claim index: Int) throws {
        let bytes = try Self.dataset(variant, claim: index)
        let direct = Self.outcome(bytes, decodingDirectly: true)
        let ordinary = Self.outcome(bytes, decodingDirectly: false)
        #expect(direct.lines == ordinary.lines)
        #expect(!direct.lines.isEmpty)
        #expect(ordinary.direct == 0)
    }

    /// The test above would pass if nothing were ever read directly: the plain claims must be.
    @Test func plainClaimsAreReadDirectlyAndTheOthersAreNot() throws {
        let unchanged = Self.outcome(try Self.dataset(Self.variants[0], claim: 0), decodingDirectly: true)
        #expect(unchanged.direct == 3)
        // Every valid form of real text: words only, segments, strings with escapes, the summary.
        for name in ["span: words only", "span: segments, words only", "span: segments, the first with its start",
                     "segments and a defaulted text", "exact with an escaped letter", "exact with an escaped combining accent",
                     "text with a surrogate pair", "cue with an escaped letter", "proposition with an escaped quote",
                     "an escaped id", "span: at the end of the body", "link 1: cue a curly quote"] {
            let variant = try #require(Self.variants.first { $0.name == name })
            #expect(Self.outcome(try Self.dataset(variant, claim: 0), decodingDirectly: true).direct == 3, "\(name)")
        }
        // A key, a reference or an enum value with an escape is left to the ordinary path (the variant escapes a key
        // of every claim).
        let escaped = Self.variants.first { $0.name == "an escaped key" }!
        #expect(Self.outcome(try Self.dataset(escaped, claim: 0), decodingDirectly: true).direct == 0)
        // As the fixture is written: keys in the usual order, spaced, non-ASCII as is.
        let asWritten = try Array(Data(contentsOf: URL(fileURLWithPath: Fixtures.path("base.json"))))
        #expect(Self.outcome(asWritten, decodingDirectly: true).direct == 3)
    }
}
