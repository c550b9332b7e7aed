@testable import AttributedCore
import Synchronization
import Testing

/// gzip for clients that accept it: which responses, under which tag, and conditional requests in each coding.
/// (That the bytes decompress is GzipStreamTests' and the live tests'; here a gzip body must be `gzip` of the
/// identity body, which is deterministic.)
@Suite struct GzipCodingTests {
    /// One of each kind of body: rendered per request (a list), a rendered dataset resource, a prebuilt
    /// representation (the spec, the stylesheet), bytes made by the handler (an explorer page).
    static let compressible = ["/v1/claims", "/v1/claims/c09/provenance", "/openapi.yaml", "/explore/assets/explorer.css",
                               "/explore/", "/v1/articles?limit=20"]

    @Test(arguments: compressible)
    func largeBodiesAreGzippedUnderTheirOwnTag(path: String) throws {
        let identity = SeedAPI.get(path)
        let gzipped = SeedAPI.get(path, acceptEncoding: "gzip, deflate, br")
        #expect(identity.bodyBytes.count >= 1024)
        #expect(identity.header("Content-Encoding") == nil)
        #expect(gzipped.header("Content-Encoding") == "gzip")
        #expect(gzipped.bodyBytes == gzip(identity.bodyBytes))
        let tag = try #require(identity.header("ETag"))
        #expect(gzipped.header("ETag") == ETag.gzipped(tag))
        #expect(gzipped.header("ETag") != tag)
        // Both codings tell caches that the body depends on Accept-Encoding.
        for response in [identity, gzipped] { #expect(response.header("Vary")?.contains("Accept-Encoding") == true, "\(path)") }
        #expect(gzipped.header("Content-Type") == identity.header("Content-Type"))
    }

    @Test func dataRoutesVaryByAcceptAndEncoding() {
        for path in ["/v1/claims", "/v1/claims/c01", "/v1/entities/karachi", "/v1/claims/c01/provenance?format=prov"] {
            #expect(SeedAPI.get(path).header("Vary") == "Accept, Accept-Encoding", "\(path)")
        }
        // Routes of one format vary by the coding only.
        for path in ["/openapi.yaml", "/explore/", "/explore/assets/explorer.js", "/metrics"] {
            #expect(SeedAPI.get(path).header("Vary") == "Accept-Encoding", "\(path)")
        }
    }

    /// Below 1 KB a body goes out as it is, under its identity tag, even to a client that asks for gzip.
    @Test func smallBodiesAreNeverGzipped() throws {
        for path in ["/healthz", "/readyz", "/v1/claims/c01"] {
            let identity = SeedAPI.get(path)
            let asked = SeedAPI.get(path, acceptEncoding: "gzip")
            #expect(identity.bodyBytes.count < 1024, "\(path)")
            #expect(asked.header("Content-Encoding") == nil, "\(path)")
            #expect(asked.bodyBytes == identity.bodyBytes)
            #expect(asked.header("ETag") == identity.header("ETag"))
        }
        // A prebuilt body that small does not vary at all.
        #expect(SeedAPI.get("/healthz").header("Vary") == nil)
    }

    @Test func theThresholdIsOneKilobyte() {
        let headers = [HTTPHeader("ETag", "\"t\""), StandardHeaders.varyByEncoding]
        let under = Response(status: 200, headers: headers, body: .bytes(Array(repeating: 65, count: 1023))).gzipped()
        let at = Response(status: 200, headers: headers, body: .bytes(Array(repeating: 65, count: 1024))).gzipped()
        #expect(under.header("Content-Encoding") == nil)
        #expect(at.header("Content-Encoding") == "gzip")
        #expect(at.header("ETag") == "\"t-gzip\"")
        var builder = RepresentationBuilder(makeSlot: { .permanent($0) })
        #expect(builder.add(Array(repeating: 65, count: 1023), contentType: MediaType.css, cacheControl: CacheControl.data).gzipped == nil)
        #expect(builder.add(Array(repeating: 65, count: 1024), contentType: MediaType.css, cacheControl: CacheControl.data).gzipped != nil)
    }

    /// Only what says it varies by Accept-Encoding is gzipped, and only a 200: never an error.
    @Test func errorsAndUnvaryingBodiesStayIdentity() {
        let large = Array(repeating: UInt8(65), count: 4096)
        #expect(Response(status: 200, headers: [], body: .bytes(large)).gzipped().header("Content-Encoding") == nil)
        #expect(Response(status: 404, headers: [StandardHeaders.varyByEncoding], body: .bytes(large)).gzipped()
            .header("Content-Encoding") == nil)
        #expect(SeedAPI.get("/v1/claims/nope", acceptEncoding: "gzip").header("Content-Encoding") == nil)
        #expect(SeedAPI.get("/explore/claims/nope", acceptEncoding: "gzip").header("Content-Encoding") == nil)
    }

    @Test func refusedOrOutrankedGzipGivesIdentity() {
        for header in ["gzip;q=0", "identity", "br", "", "gzip;q=0.2, identity;q=0.9", "*;q=0"] {
            let response = SeedAPI.get("/v1/claims", acceptEncoding: header)
            #expect(response.header("Content-Encoding") == nil, "\(header)")
            #expect(response.bodyBytes == SeedAPI.get("/v1/claims").bodyBytes)
        }
        #expect(SeedAPI.get("/v1/claims", acceptEncoding: "x-gzip").header("Content-Encoding") == "gzip")
    }

    /// Each coding's tag matches its own coding only (RFC 9110 §13.1.2: If-None-Match is evaluated against the
    /// selected representation): a cache holding the identity body that now asks with gzip gets the gzip body.
    @Test(arguments: compressible)
    func notModifiedPerCoding(path: String) throws {
        let identityTag = try #require(SeedAPI.get(path).header("ETag"))
        let gzipTag = ETag.gzipped(identityTag)
        let same = SeedAPI.get(path, ifNoneMatch: gzipTag, acceptEncoding: "gzip")
        #expect(same.status == 304)
        #expect(same.header("ETag") == gzipTag)
        #expect(same.header("Vary")?.contains("Accept-Encoding") == true)
        #expect(same.bodyBytes.isEmpty)
        #expect(SeedAPI.get(path, ifNoneMatch: identityTag).status == 304)
        let other = SeedAPI.get(path, ifNoneMatch: identityTag, acceptEncoding: "gzip")
        #expect(other.status == 200)
        #expect(other.header("Content-Encoding") == "gzip")
        let back = SeedAPI.get(path, ifNoneMatch: gzipTag)
        #expect(back.status == 200)
        #expect(back.header("Content-Encoding") == nil)
        // Both tags, as a shared cache holding both codings sends: the current one is named in the 304.
        let both = SeedAPI.get(path, ifNoneMatch: "\(identityTag), \(gzipTag)", acceptEncoding: "gzip")
        #expect(both.status == 304)
        #expect(both.header("ETag") == gzipTag)
        let star = SeedAPI.get(path, ifNoneMatch: "*", acceptEncoding: "gzip")
        #expect(star.status == 304)
        #expect(star.header("ETag") == gzipTag)
    }

    /// A small rendered body's current tag is its identity one, for a gzip client too.
    @Test func smallRenderedBodyRevalidatesUnderItsIdentityTag() throws {
        let tag = try #require(SeedAPI.get("/v1/claims/c01").header("ETag"))
        let again = SeedAPI.get("/v1/claims/c01", ifNoneMatch: tag, acceptEncoding: "gzip")
        #expect(again.status == 304)
        #expect(again.header("ETag") == tag)
        #expect(SeedAPI.get("/v1/claims/c01", ifNoneMatch: "*", acceptEncoding: "gzip").header("ETag") == tag)
    }

    /// Revalidating the gzip coding costs no rendering, as revalidating the identity one never did; only a gzip
    /// client naming the identity tag renders (once) to learn which tag is current.
    @Test func revalidationRendersOnlyWhenTheCodingIsInDoubt() throws {
        let renders = Atomic(0)
        let body = Array(repeating: UInt8(ascii: "a"), count: 4096)
        let api = API(openAPISpecification: [], router: Router([Route("/list") { _ in
            Response(status: 200, headers: StandardHeaders.negotiated(contentType: MediaType.json, etag: "\"list\"",
                                                                      cacheControl: CacheControl.data),
                     body: .rendered(.list {
                         renders.add(1, ordering: .relaxed)
                         return body
                     }))
        }]))
        func get(_ ifNoneMatch: String?, _ acceptEncoding: String?) -> Response {
            api.respond(to: Request(path: "/list", ifNoneMatch: ifNoneMatch, acceptEncoding: acceptEncoding), store: nil)
        }
        #expect(get("\"list-gzip\"", "gzip").status == 304)
        #expect(get("\"list\"", nil).status == 304)
        #expect(get("\"other\"", "gzip").status == 200)
        #expect(renders.load(ordering: .relaxed) == 0)
        #expect(get("\"list\"", "gzip").status == 200)  // 4 KB: the gzip coding is current
        #expect(renders.load(ordering: .relaxed) == 1)
    }

    /// Without Accept-Encoding nothing changes: the identity coding, and no gzip step taken.
    @Test func requestsWithoutAcceptEncodingAreIdentity() {
        for path in Self.compressible {
            let response = SeedAPI.get(path)
            #expect(response.coding == .identity)
            #expect(response.header("Content-Encoding") == nil)
        }
    }

    /// Hot resources are cached per coding: the keys of one resource's two codings differ, and from every other's.
    @Test func cacheKeysDifferPerCoding() {
        let keys = [ResourceKey(kind: .claim, ordinal: 0), ResourceKey(kind: .claim, ordinal: UInt32.max),
                    ResourceKey(kind: .publisherIndicators, ordinal: 7)]
        let all = keys.flatMap { [$0.cacheKey(.identity), $0.cacheKey(.gzip)] }
        #expect(Set(all).count == all.count)
        #expect(keys.allSatisfy { $0.cacheKey(.identity) == $0.cacheKey })
    }

    /// An export is gzipped whatever its size (known only at its end): under the gzip tag, and 304 for it.
    @Test(arguments: ["/v1/claims?format=ndjson", "/v1/entities?format=csv&kind=publication"])
    func exportsAreAlwaysGzipped(target: String) throws {
        let identity = SeedAPI.get(target)
        let gzipped = SeedAPI.get(target, acceptEncoding: "gzip")
        #expect(gzipped.header("Content-Encoding") == "gzip")
        #expect(gzipped.bodyBytes == gzip(identity.bodyBytes))
        let tag = try #require(identity.header("ETag"))
        #expect(gzipped.header("ETag") == ETag.gzipped(tag))
        #expect(SeedAPI.get(target, ifNoneMatch: ETag.gzipped(tag), acceptEncoding: "gzip").status == 304)
        #expect(SeedAPI.get(target, ifNoneMatch: tag, acceptEncoding: "gzip").status == 200)
    }
}
