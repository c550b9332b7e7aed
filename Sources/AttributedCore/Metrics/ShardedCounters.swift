import Glibc
import Synchronization

/// A table of counters that the worker threads add to and a scrape sums. Each thread adds to a shard of its own,
/// a whole number of cache lines apart from the others, so two workers counting the same request kind never fight
/// over a line; a scrape adds the shards up. Relaxed atomics: a scrape may see an increment a moment late, never a
/// torn value.
final class ShardedCounters: @unchecked Sendable {
    let count: Int
    private static let shards = 8
    /// Counters per shard, rounded up to whole 64-byte lines.
    private let stride: Int
    private let storage: UnsafeMutablePointer<Atomic<UInt64>>

    init(count: Int) {
        self.count = count
        stride = (count + 7) / 8 * 8
        let total = stride * Self.shards
        storage = UnsafeMutableRawPointer.allocate(byteCount: total * MemoryLayout<UInt64>.stride, alignment: 64)
            .bindMemory(to: Atomic<UInt64>.self, capacity: total)
        for index in 0..<total { (storage + index).initialize(to: Atomic(0)) }
    }

    deinit {
        storage.deinitialize(count: stride * Self.shards)
        storage.deallocate()
    }

    func add(_ index: Int, _ amount: UInt64 = 1) {
        precondition(index >= 0 && index < count)
        storage[ThreadShard.current % Self.shards * stride + index].wrappingAdd(amount, ordering: .relaxed)
    }

    func total(_ index: Int) -> UInt64 {
        (0..<Self.shards).reduce(0) { $0 &+ storage[$1 * stride + index].load(ordering: .relaxed) }
    }
}

/// A small number per thread, handed out in the order threads first ask: the MHD workers get distinct shards.
enum ThreadShard {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "no thread-specific key left")
        return key
    }()
    private static let next = Atomic<Int>(0)

    static var current: Int {
        if let stored = pthread_getspecific(key) { return Int(bitPattern: stored) - 1 }
        let shard = next.wrappingAdd(1, ordering: .relaxed).oldValue
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: shard + 1))
        return shard
    }
}
