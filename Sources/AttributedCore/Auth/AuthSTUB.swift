// TEMPORARY stub until the auth module lands (replaced by it).
import Foundation
public enum TokenScope: String, Sendable, CaseIterable { case read, write }
public struct Principal: Sendable, Equatable {
    public let name: String
    public let scope: TokenScope
    public let publishers: [String]?
    public init(name: String, scope: TokenScope, publishers: [String]?) { self.name = name; self.scope = scope; self.publishers = publishers }
    public var mayWrite: Bool { scope == .write }
}
public final class TokenRegistry: Sendable {
    let map: [String: Principal]
    public init(_ map: [String: Principal]) { self.map = map }
    public func principal(forSecret secret: String) -> Principal? { map[secret] }
}
public enum BearerCredentials {
    public static func token(fromAuthorization value: String?) -> String? {
        guard let value, value.lowercased().hasPrefix("bearer ") else { return nil }
        let token = value.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
public final class AuthenticationThrottle: @unchecked Sendable {
    public init(maxFailures: Int = 10, window: Double = 60, maxAddresses: Int = 10_000) {}
    public func retryAfter(address: String, now: Double) -> Int? { nil }
    public func recordFailure(address: String, now: Double) {}
    public func recordSuccess(address: String) {}
}
