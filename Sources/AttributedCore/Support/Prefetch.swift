import CPrefetch

/// Cache-miss overlap. At a million claims, every read a request makes of its claim (the id's slot, the record, the
/// ETag, the article, the texts, the chain) misses the cache, and each one is only found to be needed once the one
/// before it is done: a dozen memory latencies in a row. A prefetch starts a fetch without waiting for it, so the
/// misses whose addresses are known early run side by side. It is only a hint: nothing is read, and an address
/// outside any buffer is harmless.
@inline(__always)
func prefetch(_ address: UnsafeRawPointer) {
    CPrefetch_read(address)
}

extension Array {
    /// Starts fetching the `lines` cache lines from element `index` on; nothing if `index` is out of bounds.
    @inline(__always)
    func prefetch(_ index: Int, lines: Int = 1) {
        withUnsafeBufferPointer { elements in
            guard elements.indices.contains(index), let base = elements.baseAddress else { return }
            let address = UnsafeRawPointer(base + index)
            for line in 0..<lines { AttributedCore.prefetch(address + line * 64) }
        }
    }
}
