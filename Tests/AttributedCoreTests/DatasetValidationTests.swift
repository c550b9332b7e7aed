import Foundation
import Testing
@testable import AttributedCore

/// The fixtures folder as copied into the test bundle, and loads that report paths relative to it.
enum Fixtures {
    static let root: String = Bundle.module.resourceURL!.appendingPathComponent("Fixtures").path

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// Every issue line of a load, with the bundle prefix stripped wherever a path appears (duplicate ids name
    /// the first file too), or nil when the load succeeds.
    static func issueLines(_ relative: String) -> [String]? {
        do {
            _ = try DatasetLoader.load(path: path(relative))
            return nil
        } catch {
            return error.issues.map { $0.description.replacingOccurrences(of: root + "/", with: "") }
        }
    }

    static func load(_ relative: String) throws -> Dataset {
        try DatasetLoader.load(path: path(relative))
    }
}

/// One invalid fixture and the complete list of lines its load must print.
struct InvalidFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let expected: [String]

    /// A fixture is a file, or a directory when it needs several files (ids unique across files).
    var relativePath: String {
        var isDirectory: ObjCBool = false
        let directory = "invalid/\(name)"
        let exists = FileManager.default.fileExists(atPath: Fixtures.path(directory), isDirectory: &isDirectory)
        return exists && isDirectory.boolValue ? directory : "\(directory).json"
    }
    var testDescription: String { name }
}

/// Generated with `Fixtures/tools/make_fixtures.py`, whose positions come from its own JSON scanner, not the loader.
let invalidFixtures: [InvalidFixture] = [
    ("syntax-error", [
        "invalid/syntax-error.json:7:50: invalid JSON: expected ',' or '}' in an object",
    ]),
    ("duplicate-key", [
        "invalid/duplicate-key.json:35:7: duplicate key \"kind\" in one object",
    ]),
    ("top-level-array", [
        "invalid/top-level-array.json:1:1: $: expected an object, found an array",
    ]),
    ("unsupported-format", [
        "invalid/unsupported-format.json:2:13: $.format: unsupported format \"attributed-dataset/2\", expected \"attributed-dataset/1\"",
    ]),
    ("missing-field", [
        "invalid/missing-field.json:5:5: $.articles[0].headline: missing required field \"headline\"",
    ]),
    ("wrong-type", [
        "invalid/wrong-type.json:7:19: $.articles[0].headline: expected a string, found a number",
    ]),
    ("not-an-integer", [
        "invalid/not-an-integer.json:99:18: $.claims[0].span.start: expected an integer, found 29.0",
    ]),
    ("negative-offset", [
        "invalid/negative-offset.json:99:18: $.claims[0].span.start: must be at least 0, found -1",
    ]),
    ("bad-enum", [
        "invalid/bad-enum.json:34:15: $.entities[1].kind: \"human\" is not one of \"person\", \"organization\", \"publication\", \"place\", \"document\", \"group\", \"anonymous\", \"unspecified\"",
    ]),
    ("bad-factuality", [
        "invalid/bad-factuality.json:129:25: $.claims[0].chain[1].factuality: \"CT\" is not one of \"CT+\", \"CT-\", \"PR+\", \"PR-\", \"PS+\", \"PS-\", \"CTu\", \"Uu\"",
    ]),
    ("bad-id", [
        "invalid/bad-id.json:79:13: $.entities[5].id: \"police memo\" is not a valid id (letters, digits, '.', '_', '-'; starting with a letter or digit; at most 128)",
    ]),
    ("unknown-field", [
        "invalid/unknown-field.json:44:7: $.entities[1].nmae: unknown field \"nmae\"",
    ]),
    ("unknown-top-level-field", [
        "invalid/unknown-top-level-field.json:219:3: $.artciles: unknown field \"artciles\"",
    ]),
    ("document-field-on-person", [
        "invalid/document-field-on-person.json:44:7: $.entities[1].issuer: \"issuer\" is only allowed on documents, not on kind \"person\"",
    ]),
    ("missing-anonymity", [
        "invalid/missing-anonymity.json:78:5: $.entities[5].anonymity: missing required field \"anonymity\": for an entity of kind \"document\" without a name, give \"partially_identified\", \"anonymous\" or \"unspecified\"",
    ]),
    ("later-link-without-mode", [
        "invalid/later-link-without-mode.json:120:9: $.claims[0].chain[1].mode: missing required field \"mode\"",
    ]),
    ("bad-date", [
        "invalid/bad-date.json:15:20: $.articles[0].published: \"2014-13-02\" is not a date (YYYY, YYYY-MM, YYYY-MM-DD) or an RFC 3339 date-time",
    ]),
    ("bad-document-date", [
        "invalid/bad-document-date.json:90:15: $.entities[5].date: \"October 2014\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
    ]),
    ("bad-language", [
        "invalid/bad-language.json:17:19: $.articles[0].language: \"english\" is not a BCP 47 language tag such as \"en\" or \"ur-PK\"",
    ]),
    ("bad-url", [
        "invalid/bad-url.json:16:14: $.articles[0].url: \"ftp://daily.example/rain\" is not an absolute http or https URL",
    ]),
    ("repeated-alias", [
        "invalid/repeated-alias.json:40:9: $.entities[1].aliases[2]: \"Ana\" is listed twice",
    ]),
    ("empty-headline", [
        "invalid/empty-headline.json:7:19: $.articles[0].headline: must not be empty",
    ]),
    ("duplicate-id", [
        "invalid/duplicate-id/2-more.json:5:13: $.entities[0].id: duplicate entity id \"ana\" (first defined at invalid/duplicate-id/1-base.json:33:13)",
    ]),
    ("errors-in-two-files", [
        "invalid/errors-in-two-files/1-broken.json:3:16: invalid JSON: unexpected character '}', expected a value",
        "invalid/errors-in-two-files/2-base.json:16:14: $.articles[0].url: \"daily.example\" is not an absolute http or https URL",
    ]),
    ("unknown-entity", [
        "invalid/unknown-entity.json:107:9: $.claims[0].about[0]: unknown entity \"ghost\"",
    ]),
    ("unknown-article", [
        "invalid/unknown-article.json:96:18: $.claims[0].article: unknown article \"a2\"",
    ]),
    ("unknown-recipient", [
        "invalid/unknown-recipient.json:130:24: $.claims[0].chain[1].recipient: unknown entity \"nobody\"",
    ]),
    ("unknown-issuer", [
        "invalid/unknown-issuer.json:88:17: $.entities[5].issuer: unknown entity \"ministry\"",
    ]),
    ("publisher-kind", [
        "invalid/publisher-kind.json:12:20: $.articles[0].publisher: publisher \"ana\" is of kind \"person\"; it must be a publication or an organization",
    ]),
    ("place-source", [
        "invalid/place-source.json:121:21: $.claims[0].chain[1].source: source \"city\" is a place; a place cannot be a source",
    ]),
    ("named-without-name", [
        "invalid/named-without-name.json:35:15: $.entities[1].name: a named entity needs a name",
    ]),
    ("anonymous-with-name", [
        "invalid/anonymous-with-name.json:48:15: $.entities[2].name: an entity with anonymity \"anonymous\" has no name (the text's words go in \"descriptor\")",
    ]),
    ("reason-on-named", [
        "invalid/reason-on-named.json:41:26: $.entities[1].anonymityReason: a named entity has no anonymity reason",
    ]),
    ("self-affiliation", [
        "invalid/self-affiliation.json:42:22: $.entities[1].affiliation: an entity cannot be its own affiliation",
    ]),
    ("span-past-end", [
        "invalid/span-past-end.json:100:16: $.claims[0].span.end: end 82 is past the end of the text (81 Unicode scalars)",
    ]),
    ("span-start-not-before-end", [
        "invalid/span-start-not-before-end.json:100:16: $.claims[0].span.end: end 29 must be greater than start 29",
    ]),
    ("exact-mismatch", [
        "invalid/exact-mismatch.json:101:18: $.claims[0].span.exact: exact \"snow is coming\" does not match the text at 29..<43, which is \"rain is coming\"",
    ]),
    ("exact-precomposed", [
        "invalid/exact-precomposed.json:184:18: $.claims[2].span.exact: exact \"the Café will flood\" does not match the text at 59..<79, which is \"the Cafe\u{301} will flood\"",
    ]),
    ("prefix-mismatch", [
        "invalid/prefix-mismatch.json:102:19: $.claims[0].span.prefix: prefix \"The Gazette that \" does not end at 29: the text before it is \"d The Daily that \"",
    ]),
    ("suffix-mismatch", [
        "invalid/suffix-mismatch.json:103:19: $.claims[0].span.suffix: suffix \"! Sources\" does not start at 43: the text after it is \". Sources\"",
    ]),
    ("summary-index-out-of-range", [
        "invalid/summary-index-out-of-range.json:140:18: $.claims[1].span.index: index 1 is out of range: the article has 1 summary bullet",
    ]),
    ("summary-without-index", [
        "invalid/summary-without-index.json:138:15: $.claims[1].span.index: missing required field \"index\"",
    ]),
    ("index-on-body-span", [
        "invalid/index-on-body-span.json:99:9: $.claims[0].span.index: only a span in the summary has an index",
    ]),
    ("cue-mismatch", [
        "invalid/cue-mismatch.json:123:21: $.claims[0].chain[1].cue.text: cue \"said\" does not match the text at 9..<13, which is \"told\"",
    ]),
    ("cue-past-end", [
        "invalid/cue-past-end.json:167:20: $.claims[1].chain[1].cue.end: end 35 is past the end of the text (32 Unicode scalars)",
    ]),
    ("ambiguous-quote", [
        "invalid/ambiguous-quote.json:235:18: $.claims[3].span.exact: exact \"Ana said\" occurs 2 times in the body, at 0 and 13: add a \"prefix\", \"suffix\" or \"start\" to choose one",
    ]),
    ("near-miss-quote", [
        "invalid/near-miss-quote.json:99:18: $.claims[0].span.exact: exact \"Rain is  coming\" is not in the body; the closest text is \"rain is coming\" at 29..<43, which differs in case and whitespace: copy the words exactly as the text has them",
        "invalid/near-miss-quote.json:178:18: $.claims[2].span.exact: exact \"\\\"the Cafe\u{301} will flood\\\"\" is not in the body; the closest text is \"“the Cafe\u{301} will flood”\" at 58..<80, which differs in quotes, apostrophes or dashes: copy the words exactly as the text has them",
    ]),
    ("quote-not-found", [
        "invalid/quote-not-found.json:99:18: $.claims[0].span.exact: exact \"snow is coming\" is not in the body: copy the words exactly as the text has them",
    ]),
    ("near-miss-cue", [
        "invalid/near-miss-cue.json:122:18: $.claims[0].chain[1].cue: cue \"Told\" is not in the body; the closest text is \"told\" at 9..<13, which differs in case: copy the words exactly as the text has them",
    ]),
    ("cue-tie", [
        "invalid/cue-tie.json:252:18: $.claims[3].chain[1].cue: cue \"said\" is equally near the span at 4 and 30 (2 Unicode scalars away): give the start of the one you mean, as in {\"text\": \"said\", \"start\": 4}",
    ]),
    ("overlapping-segments", [
        "invalid/overlapping-segments.json:241:22: $.claims[3].span.segments[1].start: segment 1 (5..<9) overlaps segment 0 (1..<10): start segment 1 at 10 or later, or end segment 0 sooner",
    ]),
    ("segments-out-of-order", [
        "invalid/segments-out-of-order.json:240:22: $.claims[3].span.segments[1].exact: exact \"The plan,\" is not in the body after segment 0, which ends at 33; it occurs at 1: list the segments in text order",
    ]),
    ("segments-out-of-order-offsets", [
        "invalid/segments-out-of-order-offsets.json:242:22: $.claims[3].span.segments[1].start: segment 1 (1..<10) comes before segment 0 (23..<33): list the segments in text order",
    ]),
    ("single-segment", [
        "invalid/single-segment.json:99:21: $.claims[0].span.segments: a span with segments has two or more; for one contiguous quote, give \"exact\" on the span itself",
    ]),
    ("exact-beside-segments", [
        "invalid/exact-beside-segments.json:99:18: $.claims[0].span.exact: give either \"exact\" or \"segments\", not both",
    ]),
    ("prefix-does-not-match", [
        "invalid/prefix-does-not-match.json:100:19: $.claims[0].span.prefix: prefix \"The Gazette that \" does not end where exact \"rain is coming\" starts (at 29, after \"d The Daily that \"): correct it, or leave it out",
    ]),
    ("empty-chain", [
        "invalid/empty-chain.json:110:16: $.claims[0].chain: the chain is empty: it needs at least the publication's own link",
    ]),
    ("first-link-not-publisher", [
        "invalid/first-link-not-publisher.json:195:21: $.claims[2].chain[0].source: the first link's source must be the article's publisher \"daily\", not \"ana\"",
    ]),
    ("same-source-twice", [
        "invalid/same-source-twice.json:134:21: $.claims[0].chain[2].source: same source \"ana\" as the previous link",
    ]),
    ("narration-after-first", [
        "invalid/narration-after-first.json:127:19: $.claims[0].chain[1].mode: \"narration\" is only for the first link, the publication's own voice",
    ]),
    ("derivation-on-first", [
        "invalid/derivation-on-first.json:118:25: $.claims[0].chain[0].derivation: the first link has no derivation: nothing comes before it",
    ]),
    ("missing-derivation", [
        "invalid/missing-derivation.json:131:25: $.claims[0].chain[1].derivation: a link after the first needs a derivation (\"quotation\" or \"paraphrase\")",
    ]),
    ("many-errors", [
        "invalid/many-errors.json:31:19: $.articles[1].language: \"english\" is not a BCP 47 language tag such as \"en\" or \"ur-PK\"",
        "invalid/many-errors.json:53:9: $.entities[1].aliases[1]: \"Ana\" is listed twice",
        "invalid/many-errors.json:63:15: $.entities[2].name: an entity with anonymity \"anonymous\" has no name (the text's words go in \"descriptor\")",
        "invalid/many-errors.json:84:15: $.entities[4].kind: \"company\" is not one of \"person\", \"organization\", \"publication\", \"place\", \"document\", \"group\", \"anonymous\", \"unspecified\"",
        "invalid/many-errors.json:117:19: $.claims[0].span.prefix: prefix \"X\" does not end at 29: the text before it is \" \"",
        "invalid/many-errors.json:123:9: $.claims[0].about[1]: unknown entity \"ghost\"",
        "invalid/many-errors.json:156:18: $.claims[1].span.index: index 2 is out of range: the article has 1 summary bullet",
        "invalid/many-errors.json:226:19: $.claims[2].chain[1].mode: \"narration\" is only for the first link, the publication's own voice",
        "invalid/many-errors.json:230:25: $.claims[2].chain[1].derivation: a link after the first needs a derivation (\"quotation\" or \"paraphrase\")",
        "invalid/many-errors.json:235:3: $.extra: unknown field \"extra\"",
    ]),
].map { InvalidFixture(name: $0.0, expected: $0.1) }

@Suite("Dataset validation")
struct DatasetValidationTests {
    // MARK: Invalid fixtures: the exact, complete list of error lines

    @Test("Each invalid fixture reports exactly its errors", arguments: invalidFixtures)
    func invalidFixtureReportsExactly(_ fixture: InvalidFixture) throws {
        let lines = try #require(Fixtures.issueLines(fixture.relativePath), "\(fixture.name) loaded without error")
        #expect(lines == fixture.expected)
        // Swift's == on String is canonical equivalence: compare the scalars too, so é and e\u{301} differ.
        #expect(lines.map { Array($0.unicodeScalars) } == fixture.expected.map { Array($0.unicodeScalars) })
    }

    @Test func everyInvalidFixtureHasAnExpectation() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("invalid"))
            .map { $0.hasSuffix(".json") ? String($0.dropLast(5)) : $0 }
        #expect(Set(names) == Set(invalidFixtures.map(\.name)))
        #expect(invalidFixtures.count == Set(invalidFixtures.map(\.name)).count)
    }

    @Test func theBaseOfTheInvalidFixturesIsValid() throws {
        let dataset = try Fixtures.load("base.json")
        #expect(dataset.articles.count == 1)
        #expect(dataset.entities.count == 6)
        #expect(dataset.claims.count == 3)
    }

    @Test func aPrecomposedExactAgainstADecomposedTextFails() throws {
        let decomposed = "the Cafe\u{301} will flood", precomposed = "the Caf\u{E9} will flood"
        // Equal as Swift Strings (canonical equivalence), different as scalars: the loader must use scalars.
        #expect(decomposed == precomposed)
        #expect(!decomposed.unicodeScalars.elementsEqual(precomposed.unicodeScalars))
        let lines = try #require(Fixtures.issueLines("invalid/exact-precomposed.json"))
        #expect(lines.count == 1)
        #expect(lines.first?.unicodeScalars.contains("\u{301}") == true)
        #expect(lines.first?.unicodeScalars.contains("\u{E9}") == true)
    }

    @Test func manyErrorsAreAllReportedInFileAndLineOrder() throws {
        let lines = try #require(Fixtures.issueLines("invalid/many-errors.json"))
        #expect(lines.count == 10)
        let positions = lines.map { line -> [Int] in
            line.split(separator: ":").dropFirst().prefix(2).compactMap { Int($0) }
        }
        #expect(positions.allSatisfy { $0.count == 2 })
        #expect(positions == positions.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
    }

    @Test func issuesFromSeveralFilesAreSortedByFileName() throws {
        let base = try fixtureBytes("base.json")
        let broken = Array(String(decoding: base, as: UTF8.self)
            .replacingOccurrences(of: "\"language\": \"en\"", with: "\"language\": \"english\"").utf8)
        let top = Array("[]".utf8)
        do {
            _ = try DatasetLoader.load(files: [("b.json", broken), ("a.json", top)])
            Issue.record("loaded")
        } catch {
            #expect(error.issues.map(\.file) == ["a.json", "b.json"])
            #expect(error.issues.first?.description == "a.json:1:1: $: expected an object, found an array")
        }
    }

    /// The base with one string replaced, loaded from memory under the name `x.json`.
    private func issueLines(ofBaseWith old: String, replacedBy new: String) throws -> [String]? {
        let base = String(decoding: try fixtureBytes("base.json"), as: UTF8.self)
        #expect(base.contains(old))
        do {
            _ = try DatasetLoader.load(files: [("x.json", Array(base.replacingOccurrences(of: old, with: new).utf8))])
            return nil
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test(arguments: ["2014", "2014-10", "2014-10-02", "2014-10-02T08:30:00Z", "2014-10-02t08:30:00.25+05:00"])
    func publicationDatesThatAreValid(_ date: String) throws {
        #expect(try issueLines(ofBaseWith: "\"published\": \"2014-10-02\"", replacedBy: "\"published\": \"\(date)\"") == nil)
    }

    @Test(arguments: ["14", "2014-1", "2014-00", "2014-10-32", "2014/10/02", "2014-10-02T08:30Z", "2014-10-02 08:30:00Z",
                      "2014-10T08:30:00Z", "2014-10-02T08:30:00"])
    func publicationDatesThatAreInvalid(_ date: String) throws {
        let lines = try #require(try issueLines(ofBaseWith: "\"published\": \"2014-10-02\"", replacedBy: "\"published\": \"\(date)\""))
        #expect(lines == ["x.json:15:20: $.articles[0].published: \"\(date)\" is not a date (YYYY, YYYY-MM, YYYY-MM-DD) or an RFC 3339 date-time"])
    }

    @Test
    func aDayPastTheEndOfItsMonthIsInvalid() throws {
        for date in ["2014-02-30", "2014-04-31", "2015-02-29"] {
            let lines = try issueLines(ofBaseWith: "\"published\": \"2014-10-02\"", replacedBy: "\"published\": \"\(date)\"")
            #expect(lines == ["x.json:15:20: $.articles[0].published: \"\(date)\" is not a date (YYYY, YYYY-MM, YYYY-MM-DD) or an RFC 3339 date-time"])
        }
    }

    @Test
    func anImpossibleTimeOfDayIsInvalid() throws {
        for date in ["2014-10-02T25:00:00Z", "2014-10-02T08:61:00Z", "2014-10-02T08:30:00+24:00"] {
            let lines = try issueLines(ofBaseWith: "\"published\": \"2014-10-02\"", replacedBy: "\"published\": \"\(date)\"")
            #expect(lines == ["x.json:15:20: $.articles[0].published: \"\(date)\" is not a date (YYYY, YYYY-MM, YYYY-MM-DD) or an RFC 3339 date-time"])
        }
    }

    @Test func aMissingPathIsReportedNotThrownAtRandom() throws {
        let missing = Fixtures.path("no-such-dataset.json")
        do {
            _ = try DatasetLoader.load(path: missing)
            Issue.record("loaded")
        } catch {
            #expect(error.issues.map(\.description) == ["\(missing): no such file or directory"])
        }
    }

    // MARK: The valid edge-case dataset

    @Test func edgeCasesLoadFromADirectory() throws {
        let dataset = try Fixtures.load("edge-cases")
        #expect(dataset.articles.map(\.id) == ["courier-flags", "wire-denial"])
        #expect(dataset.entities.count == 12)
        #expect(dataset.claims.map(\.id) == ["e01", "e02", "e03", "e04", "e05", "e06", "e07"])
        #expect(dataset.notes.count == 1)  // the second file's notes are null, the third has none
        #expect(Set(dataset.articles.map(\.publisher)) == ["karachi-courier", "dawn-wire"])
        let wire = try #require(dataset.articles.first { $0.id == "wire-denial" })
        #expect(wire.authors == ["sara-ali"])
        #expect(wire.byline == "By Sara Ali")
        #expect(wire.url == "https://wire.example/2014/11/khan-denies?ref=rss#top")
        #expect(wire.language == "en-PK")
    }

    @Test func edgeCasesHaveADepthFourChain() throws {
        let dataset = try Fixtures.load("edge-cases")
        let claim = try #require(dataset.claims.first { $0.id == "e01" })
        #expect(claim.depth == 4)
        #expect(claim.chain.map(\.source) == ["karachi-courier", "courier-police-sources", "ministry-memo", "memo-unspecified"])
        #expect(claim.origin == "memo-unspecified")
        #expect(claim.chain.map(\.derivation) == [nil, .paraphrase, .paraphrase, .quotation])
        #expect(claim.chain.map(\.mode) == [.narration, .indirectSpeech, .documentCitation, .impersonalReport])
        #expect(claim.chain.compactMap(\.cue?.text) == ["told", "says", "it is believed that"])
        #expect(dataset.claims.map(\.depth).max() == 4)
    }

    @Test func offsetsAfterAnEmojiAreScalarOffsets() throws {
        let dataset = try Fixtures.load("edge-cases")
        let articles = Dictionary(uniqueKeysWithValues: dataset.articles.map { ($0.id, $0) })
        // e02: after 🇵🇰 (2 scalars, 4 UTF-16 units) in the headline; e07: after 😀 (1 scalar, 2 units) in a body.
        for (id, start, utf16) in [("e02", 16, 18), ("e07", 88, 89)] {
            let claim = try #require(dataset.claims.first { $0.id == id })
            let text = try #require(articles[claim.article]?.text(of: claim.span.field, index: claim.span.index))
            #expect(claim.span.start == start)
            let found = try #require(text.firstRange(of: claim.span.exact))
            #expect(text.unicodeScalars.distance(from: text.startIndex, to: found.lowerBound) == start)
            #expect(text.utf16.distance(from: text.startIndex, to: found.lowerBound) == utf16)
            #expect(Array(text.unicodeScalars)[claim.span.start..<claim.span.end].elementsEqual(claim.span.exact.unicodeScalars))
        }
    }

    @Test func everyEdgeCaseSpanAndCueMatchesItsTextAsScalars() throws {
        let dataset = try Fixtures.load("edge-cases")
        let articles = Dictionary(uniqueKeysWithValues: dataset.articles.map { ($0.id, $0) })
        for claim in dataset.claims {
            let text = try #require(articles[claim.article]?.text(of: claim.span.field, index: claim.span.index))
            let scalars = Array(text.unicodeScalars)
            #expect(scalars[claim.span.start..<claim.span.end].elementsEqual(claim.span.exact.unicodeScalars), "\(claim.id)")
            for cue in claim.chain.compactMap(\.cue) {
                #expect(scalars[cue.start..<cue.end].elementsEqual(cue.text.unicodeScalars), "\(claim.id) \(cue.text)")
            }
        }
    }

    @Test func edgeCasesKeepDecomposedTextAsScalars() throws {
        let dataset = try Fixtures.load("edge-cases")
        let claim = try #require(dataset.claims.first { $0.id == "e03" })
        #expect(claim.span.field == .summary)
        #expect(claim.span.index == 0)
        #expect(claim.span.exact.unicodeScalars.contains("\u{301}"))
        #expect(claim.span.exact.unicodeScalars.count == claim.span.end - claim.span.start)
        #expect(claim.span.exact.count < claim.span.exact.unicodeScalars.count)  // characters ≠ scalars
        let bullet = try #require(dataset.claims.first { $0.id == "e04" })
        #expect(bullet.span.index == 1)
        #expect(bullet.span.exact.hasSuffix("police’s desk"))
    }

    @Test func oneEntityIsQuotedInTwoArticles() throws {
        let dataset = try Fixtures.load("edge-cases")
        let quoting = dataset.claims.filter { $0.chain.contains { $0.source == "zoe-khan" } }
        #expect(quoting.map(\.id) == ["e05", "e06"])
        #expect(Set(quoting.map(\.article)) == ["courier-flags", "wire-denial"])
    }

    @Test func edgeCaseEntities() throws {
        let dataset = try Fixtures.load("edge-cases")
        let entities = Dictionary(uniqueKeysWithValues: dataset.entities.map { ($0.id, $0) })
        let memo = try #require(entities["ministry-memo"])
        #expect(memo.kind == .document)
        #expect(memo.document?.issuer == "interior-ministry")
        #expect(memo.document?.recipients == ["sindh-police"])
        #expect(memo.document?.date == "2014-10")
        #expect(entities["zoe-khan"]?.aliases == ["Khan", "Zoe\u{308} Khan"])
        #expect(entities["islamic-state"]?.aliases == ["IS", "Daesh"])
        let sources = try #require(entities["courier-police-sources"])
        #expect(sources.anonymity == .partiallyIdentified)
        #expect(sources.anonymityReason == "not authorised to speak to the media")
        #expect(sources.affiliation == "sindh-police")
        #expect(entities.values.filter { $0.document != nil }.map(\.id) == ["ministry-memo"])
    }

    // MARK: The seed

    @Test func theSeedLoadsWith28Claims() throws {
        let path = try #require(BundledResources.seedDatasetPath)
        let dataset = try DatasetLoader.load(path: path)
        #expect(dataset.claims.count == 28)
        #expect(dataset.articles.count == 1)
    }

    @Test func theSeedArticleReconstructsTheShippedTextByteForByte() throws {
        let path = try #require(BundledResources.seedDatasetPath)
        let textPath = try #require(BundledResources.seedTextPath)
        let dataset = try DatasetLoader.load(path: path)
        let article = try #require(dataset.articles.first)
        #expect(article.summary.count == 2)
        let rebuilt = article.headline + "\n\n0\n185\n  • " + article.summary[0] + "\n  • " + article.summary[1]
            + "\n\n\u{00A0}\n\n" + article.body
        let shipped = try #require(FileManager.default.contents(atPath: textPath))
        #expect(Array(rebuilt.utf8) == [UInt8](shipped))
    }

    @Test func theVersionIsStableForTheSameBytesAndChangesWithOneByte() throws {
        let path = try #require(BundledResources.seedDatasetPath)
        let bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
        let name = (path as NSString).lastPathComponent
        let first = try DatasetLoader.load(files: [(name, bytes)]).version
        let again = try DatasetLoader.load(files: [(name, bytes)]).version
        let fromPath = try DatasetLoader.load(path: path).version
        #expect(first == again)
        #expect(first == fromPath)  // the directory is not part of the version
        #expect(first.count == 16 && first.allSatisfy(\.isHexDigit))

        // One byte of the notes, so that the dataset stays valid: "Transcription" → "transcription".
        var changed = bytes
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "T")))
        changed[index] = UInt8(ascii: "t")
        #expect(try DatasetLoader.load(files: [(name, changed)]).version != first)
    }

    private func fixtureBytes(_ relative: String) throws -> [UInt8] {
        try #require(FileManager.default.contents(atPath: Fixtures.path(relative))).map { $0 }
    }
}
