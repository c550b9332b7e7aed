@testable import AttributedCore
import Testing

@Suite struct ConditionalRequestTests {
    @Test func matchingETagGives304WithValidators() throws {
        let first = SeedAPI.get("/v1/claims/c09")
        let etag = try #require(first.header("ETag"))
        let again = SeedAPI.get("/v1/claims/c09", ifNoneMatch: etag)
        #expect(again.status == 304)
        #expect(again.bodyBytes.isEmpty)
        #expect(again.header("ETag") == etag)
        #expect(again.header("Cache-Control") == "public, max-age=60")
        #expect(again.header("Access-Control-Allow-Origin") == "*")
    }

    @Test func weakComparisonListsAndStar() throws {
        let etag = try #require(SeedAPI.get("/v1/entities").header("ETag"))
        #expect(SeedAPI.get("/v1/entities", ifNoneMatch: "W/\(etag)").status == 304)
        #expect(SeedAPI.get("/v1/entities", ifNoneMatch: "\"nope\", \(etag)").status == 304)
        #expect(SeedAPI.get("/v1/entities", ifNoneMatch: "*").status == 304)
        #expect(SeedAPI.get("/v1/entities", ifNoneMatch: "\"nope\"").status == 200)
    }

    @Test func errorsAreNeverNotModified() {
        #expect(SeedAPI.get("/v1/claims/nope", ifNoneMatch: "*").status == 404)
    }

    @Test func etagsDifferPerRepresentationAndAreStable() {
        let a = SeedAPI.get("/v1/claims/c01").header("ETag")
        let b = SeedAPI.get("/v1/claims/c02").header("ETag")
        #expect(a != b)
        #expect(SeedAPI.get("/v1/claims?limit=5").header("ETag") == SeedAPI.get("/v1/claims?limit=5").header("ETag"))
        #expect(SeedAPI.get("/v1/claims?limit=5").header("ETag") != SeedAPI.get("/v1/claims?limit=6").header("ETag"))
    }
}
