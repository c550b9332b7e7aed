import Glibc

/// One render buffer per thread, reused by every body the thread renders for a response: a claim is rendered per
/// request, and a fresh 4 KB buffer each time went through malloc's slow path (too large for its per-thread cache)
/// in both the allocation and the free: about a tenth of a claim request's instructions.
final class RenderBuffer {
    /// Bodies are rarely more than a few KB; a buffer that grew past this for one large body gives it back.
    static let retainedCapacity = 1 << 20

    private var output = JSONOutput(capacity: 16 << 10)
    private var inUse = false

    /// Calls `body` with this thread's buffer, empty; the bytes are valid only during the call. A nested call on the
    /// same thread (nothing renders that way today) gets a buffer of its own rather than the one being written.
    static func with<Result>(_ body: (inout JSONOutput) -> Result) -> Result {
        let buffer = current
        guard !buffer.inUse else {
            var output = JSONOutput(capacity: 4096)
            return body(&output)
        }
        buffer.inUse = true
        defer {
            buffer.output.removeAll(keeping: retainedCapacity)
            buffer.inUse = false
        }
        return body(&buffer.output)
    }

    private static var current: RenderBuffer {
        if let stored = pthread_getspecific(key) { return Unmanaged<RenderBuffer>.fromOpaque(stored).takeUnretainedValue() }
        let buffer = RenderBuffer()
        pthread_setspecific(key, Unmanaged.passRetained(buffer).toOpaque())
        return buffer
    }

    /// Released with its thread.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { stored in
            if let stored { Unmanaged<RenderBuffer>.fromOpaque(stored).release() }
        }
        precondition(status == 0, "pthread_key_create failed: \(status)")
        return key
    }()
}
