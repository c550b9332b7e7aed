import Testing
import AttributedCore

/// `Authorization: Bearer <token>` (RFC 6750 §2.1).
@Suite("Bearer credentials in Authorization")
struct BearerAuthorizationTests {
    let token = "atd_7WFuDEQAxJKeJk5eZo3WEAqa3zO9MLcrQfNhhTmazjw"

    @Test func theSchemeIsMatchedWithoutRegardToCase() {
        for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
            #expect(BearerCredentials.token(fromAuthorization: "\(scheme) \(token)") == token)
        }
    }

    @Test func spacesAfterTheSchemeAndBlanksAroundTheValueAreAllowed() {
        #expect(BearerCredentials.token(fromAuthorization: "Bearer   \(token)") == token)
        #expect(BearerCredentials.token(fromAuthorization: "  Bearer \(token)  ") == token)
        #expect(BearerCredentials.token(fromAuthorization: "\tBearer \(token)\t") == token)
    }

    @Test func everyB64TokenCharacterAndTrailingEqualsSignsAreAccepted() {
        let all = "AZaz09-._~+/=="
        #expect(BearerCredentials.token(fromAuthorization: "Bearer \(all)") == all)
    }

    @Test(arguments: [
        nil, "", " ", "Bearer", "Bearer ", "Bearer    ", "Bearer\t\(token0)", "Bearer\(token0)", "Basic dXNlcjpwYXNz",
        "Bearers \(token0)", "Beare \(token0)", "Token \(token0)", "Bearer \(token0) extra", "Bearer \(token0),x",
        "Bearer =abc", "Bearer ab=c", "Bearer ab\"c", "Bearer ab\u{00e9}", "Bearer ab\u{0}c", "Bearer \(token0)\r\n",
    ])
    func anythingElseHasNoToken(_ value: String?) {
        #expect(BearerCredentials.token(fromAuthorization: value) == nil)
    }
}

private let token0 = "atd_abc"
