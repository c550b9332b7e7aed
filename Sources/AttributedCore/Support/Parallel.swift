import Dispatch

/// Runs `body` for every index on all cores and returns the results in index order.
/// The loader's phases use it: files scanned side by side, claims decoded in chunks.
func parallelMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    var results = [T?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let buffer = buffer
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            // Each index writes only its own slot.
            DispatchQueue.concurrentPerform(iterations: count) { buffer[$0] = body($0) }
        }
    }
    return results.map { $0! }
}

/// Splits `0..<count` into at most `parts` contiguous chunks of nearly equal size, in order.
func chunks(of count: Int, parts: Int) -> [Range<Int>] {
    let parts = max(1, min(parts, count))
    return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
}
