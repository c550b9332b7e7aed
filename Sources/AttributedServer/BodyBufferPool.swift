import AttributedCore
import CMicroHTTPD

/// Reusable buffers for the bodies of responses built per request and then dropped (a claim or provenance chain
/// rendered on a response-cache miss, a list page). libmicrohttpd hands a buffer back through the response's free
/// callback once the last connection sending it is done. Copying each body into a malloc'd buffer of its own cost a
/// malloc and a free per request, and a body over 1 KB (a provenance chain is about 2 KB) takes malloc's slow path,
/// past its per-thread cache, where the small blocks freed with every response's headers are consolidated first:
/// about 2 µs of a random provenance request at a million claims.
final class BodyBufferPool: Sendable {
    /// The server's pool.
    static let shared = BodyBufferPool()

    /// The body sizes pooled. Smaller ones: glibc's per-thread cache serves them about as fast as the pool's lock
    /// would. Larger ones get a buffer of their own, as before. A buffer holds the largest.
    let sizes: ClosedRange<Int>
    /// Buffers kept for reuse; any more coming back are freed.
    let kept: Int

    /// Idle buffers. One in use belongs to exactly one response until its free callback runs.
    private let idle = Locked<[UnsafeMutableRawPointer]>([])

    /// A buffer starts with the pool it returns to (the callback's only argument is the buffer); the body follows.
    private static let headerBytes = 16

    init(sizes: ClosedRange<Int> = 1025...(8 << 10), kept: Int = 256) {
        self.sizes = sizes
        self.kept = kept
    }

    /// How many idle buffers the pool holds (for tests).
    var idleCount: Int { idle.withLock { $0.count } }

    /// A response whose body is a copy of `body` in one of the pool's buffers; nil if `body`'s size is not in
    /// `sizes` or MHD cannot allocate the response. The pool must outlive the response (the shared one does).
    func response(copying body: UnsafeRawBufferPointer) -> OpaquePointer? {
        guard sizes.contains(body.count) else { return nil }
        let buffer = take()
        let start = buffer + Self.headerBytes
        if let base = body.baseAddress { start.copyMemory(from: base, byteCount: body.count) }
        guard let response = MHD_create_response_from_buffer_with_free_callback_cls(body.count, start, { buffer in
            guard let buffer else { return }
            Unmanaged<BodyBufferPool>.fromOpaque(buffer.load(as: UnsafeRawPointer.self)).takeUnretainedValue().giveBack(buffer)
        }, buffer) else {
            giveBack(buffer)
            return nil
        }
        return response
    }

    private func take() -> UnsafeMutableRawPointer {
        if let buffer = idle.withLock({ $0.popLast() }) { return buffer }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.headerBytes + sizes.upperBound, alignment: 16)
        buffer.storeBytes(of: UnsafeRawPointer(Unmanaged.passUnretained(self).toOpaque()), as: UnsafeRawPointer.self)
        return buffer
    }

    private func giveBack(_ buffer: UnsafeMutableRawPointer) {
        let isKept = idle.withLock { buffers in
            guard buffers.count < kept else { return false }
            buffers.append(buffer)
            return true
        }
        if !isKept { buffer.deallocate() }
    }

    deinit {
        idle.withLock { buffers in buffers.forEach { $0.deallocate() } }
    }
}
