@testable import AttributedServer
import CMicroHTTPD
import Testing

/// The pool of body buffers behind responses built per request: a buffer comes back when MHD destroys the last
/// reference to its response, is reused by the next one, and the pool keeps no more than its bound. The bytes a
/// pooled body sends are checked over loopback (LiveHTTPTests, LiveGzipTests: a resource's first request is built
/// per request, so its body is pooled).
@Suite struct BodyBufferPoolTests {
    private static func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) } }

    @Test func aBufferComesBackWhenItsResponseIsDestroyedAndIsReused() throws {
        let pool = BodyBufferPool(sizes: 0...64, kept: 4)
        let first = try #require(Self.bytes(64).withUnsafeBytes { pool.response(copying: $0) })
        #expect(pool.idleCount == 0)
        MHD_destroy_response(first)
        #expect(pool.idleCount == 1)
        let second = try #require(Self.bytes(10).withUnsafeBytes { pool.response(copying: $0) })
        #expect(pool.idleCount == 0, "the idle buffer is reused, not a new one allocated beside it")
        MHD_destroy_response(second)
        #expect(pool.idleCount == 1)
    }

    @Test func aBodyLargerThanABufferIsNotPooled() {
        let pool = BodyBufferPool(sizes: 0...64, kept: 4)
        #expect(Self.bytes(65).withUnsafeBytes { pool.response(copying: $0) } == nil)
        #expect(pool.idleCount == 0)
        let empty = [UInt8]().withUnsafeBytes { pool.response(copying: $0) }
        #expect(empty != nil, "an empty body fits")
        empty.map { MHD_destroy_response($0) }
        #expect(pool.idleCount == 1)
    }

    @Test func thePoolKeepsNoMoreThanItsBound() throws {
        let pool = BodyBufferPool(sizes: 0...64, kept: 2)
        let responses = try (0..<5).map { _ in try #require(Self.bytes(32).withUnsafeBytes { pool.response(copying: $0) }) }
        responses.forEach { MHD_destroy_response($0) }
        #expect(pool.idleCount == 2)
    }

    @Test func theServerPoolsOnlyBodiesThatFit() throws {
        // Below, inside and above the sizes the shared pool takes: each gets a response.
        let sizes = BodyBufferPool.shared.sizes
        for size in [sizes.lowerBound - 1, sizes.lowerBound, sizes.upperBound, sizes.upperBound + 1] {
            let response = try #require(Self.bytes(size).withUnsafeBytes { NativeResponse.make(body: $0, headers: [], pooled: true) })
            MHD_destroy_response(response)
        }
    }
}
