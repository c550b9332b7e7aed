import Foundation
import Synchronization

/// A dataset file's bytes at their offsets, present only while they are being read.
///
/// The buffer is an anonymous mapping the size of the file, so every offset is the file's own (parsers, nodes and
/// error positions need no translation), but its pages hold memory only while filled. The loader reads the file
/// once front to back (scanning it), then again record batch by record batch, releasing each stretch as
/// soon as it is done with it: a load never holds the whole file, which a reload, running beside the dataset still
/// being served, cannot afford. Reading with `pread` rather than mapping the file means that a file truncated while
/// it loads is a short read and an error, not a SIGBUS.
///
/// Threads may fill, read and release disjoint ranges at once; `fillAll` and the sequential pass are for one thread.
final class FileBuffer: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    let count: Int
    private let descriptor: Int32?
    private let identity: FileIdentity?
    private let mapped: Bool
    /// Set by a short or failed read (from any thread): the file is not what it was when opened.
    private let shortRead = Atomic<Bool>(false)
    /// Bytes read in and not given back yet, and the most there ever were: what tests assert to show that a load
    /// holds a window of its file, not the file.
    private let held = Atomic<Int>(0)
    private let mostHeld = Atomic<Int>(0)
    var mostBytesHeld: Int { mostHeld.load(ordering: .relaxed) }
    /// How far the sequential pass has read.
    private(set) var readThrough: Int

    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// The sequential pass and the hash read this much at a time (a multiple of 8, so the hash sees whole words);
    /// record batches are a quarter of it.
    static let defaultWindow = 4 << 20
    let window: Int

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Bytes already in memory (the bundled seed, tests): always present, never released.
    init(copying source: [UInt8]) {
        count = source.count
        base = .allocate(capacity: max(count, 1))
        window = Self.defaultWindow
        descriptor = nil
        identity = nil
        mapped = false
        readThrough = count
        source.withUnsafeBufferPointer { source in
            guard let start = source.baseAddress else { return }
            base.initialize(from: start, count: count)
        }
    }

    /// An open regular file; nil if it cannot be opened or is not a regular file. Tests make the window small.
    init?(path: String, window: Int = FileBuffer.defaultWindow) {
        precondition(window > 0 && window % 8 == 0, "the window is whole words")
        self.window = window
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard let identity = FileIdentity(descriptor), identity.isRegularFile else {
            close(descriptor)
            return nil
        }
        count = identity.size
        if count == 0 {
            base = .allocate(capacity: 1)
            mapped = false
        } else {
            let address = mmap(nil, count, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
            guard let address, address != MAP_FAILED else {
                close(descriptor)
                return nil
            }
            base = address.assumingMemoryBound(to: UInt8.self)
            mapped = true
        }
        self.descriptor = descriptor
        self.identity = identity
        readThrough = 0
    }

    deinit {
        if mapped { munmap(base, count) } else { base.deallocate() }
        if let descriptor { close(descriptor) }
    }

    /// Reads `range` from the file into place.
    func fill(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let now = held.add(range.count, ordering: .relaxed).newValue
        _ = mostHeld.max(now, ordering: .relaxed)
        read(range.count, at: range.lowerBound, into: base + range.lowerBound)
    }

    /// `count` bytes of the file from `offset`; false (and the file marked changed) when it has fewer.
    @discardableResult
    private func read(_ count: Int, at offset: Int, into destination: UnsafeMutableRawPointer) -> Bool {
        guard let descriptor else { return true }
        var done = 0
        while done < count {
            let got = pread(descriptor, destination + done, count - done, off_t(offset + done))
            if got < 0, errno == EINTR { continue }
            if got <= 0 {
                shortRead.store(true, ordering: .relaxed)
                return false
            }
            done += got
        }
        return true
    }

    /// Gives back the memory of the pages that lie wholly inside `range` (a page it shares with a neighbouring
    /// range may still be in use there). Their bytes read as zero until filled again.
    func release(_ range: Range<Int>) {
        guard mapped, !range.isEmpty else { return }
        _ = held.subtract(range.count, ordering: .relaxed)
        let first = (range.lowerBound + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        let last = range.upperBound == count ? count : range.upperBound / Self.pageSize * Self.pageSize
        guard first < last else { return }
        madvise(base + first, last - first, MADV_DONTNEED)
    }

    /// The whole file, for the paths that need all of it at once: errors (located by line) and whole-file parses.
    func fillAll() {
        guard descriptor != nil else { return }
        fill(0..<count)
        readThrough = count
    }

    /// The sequential pass: reads on, a window at a time, until everything before `offset` (or the whole file) has
    /// been read.
    func readSequentially(through offset: Int) {
        let target = min(offset, count)
        while readThrough < target {
            let end = min(readThrough + window, count)
            fill(readThrough..<end)
            readThrough = end
        }
    }

    /// A hash of the file's bytes, equal to hashing them in one piece. A file on disk is read for it through a
    /// window of its own, so that it can run beside the scan (on another core) without holding the file.
    func contentHash() -> UInt64 {
        var hash = Hash64()
        guard descriptor != nil else {
            hash.combine(UnsafeRawBufferPointer(bytes))
            return hash.value
        }
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: window, alignment: 8)
        defer { piece.deallocate() }
        var offset = 0
        repeat {
            let length = min(window, count - offset)
            guard read(length, at: offset, into: piece.baseAddress!) else { return 0 }
            let read = UnsafeRawBufferPointer(rebasing: piece[..<length])
            // Whole words until the last piece, whose tail ends the hash.
            if offset + length == count { hash.combine(read) } else { hash.combineWords(read) }
            offset += length
        } while offset < count
        return hash.value
    }

    /// True when the open file was written to or truncated since it was opened. (A file replaced by a rename is not
    /// a change: the descriptor still reads the file that was opened, whole.)
    var changedSinceOpened: Bool {
        guard let descriptor, let identity else { return false }
        return shortRead.load(ordering: .relaxed) || FileIdentity(descriptor) != identity
    }
}

/// What tells an open file's contents changed without reading them again.
private struct FileIdentity: Equatable {
    let size: Int
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int
    let isRegularFile: Bool

    init?(_ descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        size = Int(status.st_size)
        modifiedSeconds = status.st_mtim.tv_sec
        modifiedNanoseconds = status.st_mtim.tv_nsec
        isRegularFile = (status.st_mode & S_IFMT) == S_IFREG
    }
}
