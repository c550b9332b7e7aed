import Foundation
import Testing
@testable import AttributedCore

/// Quotes interrupted by their attribution (`"The plan," Ana Lima said on Tuesday, "will work."`), served over the
/// API with their covering range and segments, and searched by their own words only.
@Suite("Discontinuous spans")
struct DiscontinuousSpanTests {
    static let served = ServedResources.of(try! Fixtures.load("short-form/discontinuous.json"))

    private func span(_ id: String) throws -> [String: Any] {
        try #require(ServedResources.json(Self.served["/v1/claims/\(id)"])["span"] as? [String: Any])
    }

    @Test func aDiscontinuousQuoteComesBackWithItsCoveringRangeAndSegments() throws {
        let dataset = try Fixtures.load("short-form/discontinuous.json")
        let body = try #require(dataset.articles.first?.body)
        let scalars = Array(body.unicodeScalars)
        // Independently of the loader: where the words are, in scalars.
        func offset(_ words: String) -> Int {
            scalars.indices.first { scalars[$0...].starts(with: words.unicodeScalars) }!
        }
        let plan = offset("The plan,"), work = offset("will work.")
        let span = try span("d1")
        #expect(span["start"] as? Int == plan)
        #expect(span["end"] as? Int == work + 10)
        // The covering exact is the real text between, so it stays a valid W3C TextQuoteSelector.
        #expect(span["exact"] as? String == "The plan,” Ana Lima said on Tuesday, “will work.")
        let segments = try #require(span["segments"] as? [[String: Any]])
        #expect(segments.map { $0["exact"] as? String } == ["The plan,", "will work."])
        #expect(segments.map { $0["start"] as? Int } == [plan, work])
        #expect(segments.map { $0["end"] as? Int } == [plan + 9, work + 10])
        #expect(segments.allSatisfy { Set($0.keys) == ["start", "end", "exact", "prefix", "suffix"] })
        #expect(segments[0]["prefix"] as? String == "“")
        #expect(segments[1]["prefix"] as? String == String(String.UnicodeScalarView(scalars[(work - 32)..<work])))
        #expect(span["prefix"] as? String == segments[0]["prefix"] as? String)
        #expect(span["suffix"] as? String == segments[1]["suffix"] as? String)
    }

    @Test func theDefaultTextJoinsTheSegmentsAndTheCueInTheGapIsFound() throws {
        let claim = ServedResources.json(Self.served["/v1/claims/d1"])
        #expect(claim["text"] as? String == "The plan, will work.")
        let chain = try #require(claim["chain"] as? [[String: Any]])
        let cue = try #require(chain[1]["cue"] as? [String: Any])
        #expect(cue["text"] as? String == "said")
        #expect(cue["start"] as? Int == 21)
        #expect(chain[1]["derivation"] as? String == "quotation")  // a direct quote's default
    }

    @Test func aSummaryBulletCanHoldADiscontinuousQuote() throws {
        let span = try span("d3")
        #expect(span["field"] as? String == "summary")
        #expect(span["index"] as? Int == 0)
        #expect((span["segments"] as? [[String: Any]])?.map { $0["exact"] as? String } == ["Ready,", "and sound."])
    }

    @Test func aContiguousSpanHasOneSegmentEqualToItself() throws {
        let span = try span("d4")
        let segments = try #require(span["segments"] as? [[String: Any]])
        #expect(segments.count == 1)
        for key in ["start", "end", "exact", "prefix", "suffix"] {
            #expect("\(segments[0][key]!)" == "\(span[key]!)", "\(key)")
        }
    }

    @Test func searchFindsTheSegmentsWordsButNotTheInterruptingAttribution() {
        let store = Store(try! Fixtures.load("short-form/discontinuous.json"))
        func ids(_ q: String) -> [String] {
            let list = ServedResources.json(ServedResources.get("/v1/claims?q=\(q)", from: store))
            return (list["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        }
        #expect(ids("work") == ["d1"])
        #expect(ids("tuesday") == [])  // between the segments of d1: not its words
        #expect(ids("pass") == ["d2"])
    }

    @Test func theStoreKeepsSegmentsOnlyForDiscontinuousClaims() throws {
        let dataset = try Fixtures.load("short-form/discontinuous.json")
        let table = dataset.claims
        #expect(table.records.map(\.isDiscontinuous) == [true, true, true, false])
        #expect(table.segments.segments(ofClaim: 3) == nil)
        #expect(table.segments.segments(ofClaim: 1)?.count == 2)
        // The flag lives in what was padding: a record is as large as before segments existed.
        #expect(MemoryLayout<ClaimRecord>.stride == 80)
    }
}
