import Foundation

/// The C allocator's own housekeeping, for the moments a large amount of memory has just been freed.
public enum Allocator {
    /// Hands freed memory back to the system. glibc keeps freed blocks for reuse, and blocks in the middle of its
    /// heaps are only given back by malloc_trim; a load or a reload frees hundreds of megabytes that nothing else
    /// will reuse soon. A no-op where there is no malloc_trim.
    public static func returnFreedMemory() {
        _ = mallocTrim?(0)
    }

    /// Looked up at run time: <malloc.h> is not part of Swift's Glibc module.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
}
