import Foundation

/// A value behind a lock, for state that threads share. An NSLock (a pthread mutex) rather than Synchronization's
/// `Mutex`: ThreadSanitizer follows a pthread mutex, but `Mutex` waits in the kernel (a futex) when contended, out of
/// TSan's sight, so every contended access would be reported as a race and `make test`'s TSan run would fail at
/// random.
public final class Locked<Value>: @unchecked Sendable {
    @usableFromInline let lock = NSLock()
    @usableFromInline var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    @inlinable
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
