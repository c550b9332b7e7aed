@testable import AttributedCore
import Testing

/// The server sends what `withFinished` passes it (a rendered resource straight from the thread's render buffer);
/// tests and the gzip path read `finished()`. Both must be the same bytes under the same headers.
@Suite struct FinishedResponseTests {
    static let targets: [String] = {
        let claims = SeedAPI.get("/v1/claims?limit=500").itemIds
        return claims.flatMap { ["/v1/claims/\($0)", "/v1/claims/\($0)/provenance", "/v1/claims/\($0)?format=jsonld",
                                 "/v1/claims/\($0)?format=annotation", "/v1/claims/\($0)/provenance?format=prov"] }
            + ["/v1/articles/is-emerging-in-karachi", "/v1/entities/karachi", "/v1/claims?limit=3", "/v1/indicators",
               "/healthz", "/v1/claims/nope", "/v1/articles/is-emerging-in-karachi/annotations", "/explore/claims/c01"]
    }()

    @Test(arguments: [nil, "gzip"])
    func withFinishedPassesWhatFinishedReturns(acceptEncoding: String?) {
        #expect(Self.targets.count > 100)
        for target in Self.targets {
            let response = SeedAPI.get(target, acceptEncoding: acceptEncoding)
            let finished = response.finished()
            let (body, headers) = response.withFinished { body, headers, derived in (Array(body), headers + derived) }
            #expect(body == finished.body, "\(target)")
            #expect(headers == finished.headers, "\(target)")
            #expect(headers == response.sentHeaders, "\(target)")
        }
    }
}
