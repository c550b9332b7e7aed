import Foundation
import Testing
@testable import AttributedCore

/// What the server asks of the tokens: who a secret is, and what that principal may write.
@Suite("Token registry")
struct TokenRegistryTests {
    let registry: TokenRegistry
    let desk: String
    let reader: String
    let anyPublisher: String

    init() throws {
        var file = TokenFile()
        desk = try file.create(name: "desk-a", scope: .write, publishers: ["pakistan-today", "dawn"], now: Date())
        reader = try file.create(name: "reader", scope: .read, publishers: nil, now: Date())
        anyPublisher = try file.create(name: "editor", scope: .write, publishers: nil, now: Date())
        registry = TokenRegistry(file)
    }

    @Test func eachSecretFindsItsOwnPrincipal() {
        #expect(registry.count == 3)
        #expect(registry.principal(forSecret: desk) == Principal(name: "desk-a", scope: .write, publishers: ["pakistan-today", "dawn"]))
        #expect(registry.principal(forSecret: reader) == Principal(name: "reader", scope: .read, publishers: nil))
        #expect(registry.principal(forSecret: anyPublisher) == Principal(name: "editor", scope: .write, publishers: nil))
    }

    @Test func aWrongSecretIsRejected() {
        #expect(registry.principal(forSecret: "") == nil)
        #expect(registry.principal(forSecret: TokenSecret.generate()) == nil)
        #expect(registry.principal(forSecret: String(desk.dropLast())) == nil)
        #expect(registry.principal(forSecret: desk + "x") == nil)
        #expect(registry.principal(forSecret: desk.uppercased()) == nil)
        // The stored hash is not a secret that works.
        let hash = SHA256Digest.hex(SHA256Digest.hash(desk))
        #expect(registry.principal(forSecret: hash) == nil)
        #expect(TokenRegistry(TokenFile()).principal(forSecret: desk) == nil)
    }

    @Test func aRevokedSecretStopsWorkingInTheNextRegistry() throws {
        var file = TokenFile()
        let secret = try file.create(name: "a", scope: .write, publishers: nil, now: Date())
        let kept = try file.create(name: "b", scope: .write, publishers: nil, now: Date())
        try file.revoke(name: "a")
        let next = TokenRegistry(file)
        #expect(next.principal(forSecret: secret) == nil)
        #expect(next.principal(forSecret: kept)?.name == "b")
    }

    @Test func publishersRestrictWhatAWriteTokenMayWrite() throws {
        let desk = try #require(registry.principal(forSecret: desk))
        #expect(desk.mayWrite)
        #expect(desk.mayWrite(publisher: "pakistan-today"))
        #expect(desk.mayWrite(publisher: "dawn"))
        #expect(!desk.mayWrite(publisher: "the-nation"))
        #expect(!desk.mayWrite(publisher: "Dawn"))

        let editor = try #require(registry.principal(forSecret: anyPublisher))
        #expect(editor.mayWrite(publisher: "the-nation"))

        let reader = try #require(registry.principal(forSecret: reader))
        #expect(!reader.mayWrite)
        #expect(!reader.mayWrite(publisher: "dawn"))
    }
}
