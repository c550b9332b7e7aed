import Glibc

/// Turns byte offsets into 1-based line and column numbers (columns counted in Unicode scalars, as editors do).
/// Built once per file and only when an error has to be reported.
///
/// A column is not counted from its line's start: a minified file is one line, and a dataset with an issue in each
/// of a hundred thousand claims would then count through half the file per issue (an 88 MB file took hours). The
/// scalars before every block of `blockSize` bytes are counted once here, so locating an offset reads at most two
/// partial blocks, wherever it is.
public struct LineIndex: @unchecked Sendable {
    static let blockSize = 4096

    private let bytes: UnsafeBufferPointer<UInt8>
    /// Keeps `bytes` alive.
    private let owner: FileBuffer
    private let lineStarts: [Int]
    /// `scalarsBeforeBlock[k]`: how many scalars start in `bytes[0 ..< k * blockSize]`.
    private let scalarsBeforeBlock: [Int]

    public init(bytes: [UInt8]) {
        self.init(FileBuffer(copying: bytes))
    }

    /// Over a file's buffer, which must hold the whole file (see `FileBuffer.fillAll`).
    init(_ buffer: FileBuffer) {
        owner = buffer
        bytes = buffer.bytes
        lineStarts = Self.lineStarts(bytes)
        var counts = [0]
        counts.reserveCapacity(bytes.count / Self.blockSize + 1)
        var start = 0
        while start + Self.blockSize <= bytes.count {
            counts.append(counts[counts.count - 1] + ByteScan.scalarStarts(bytes, in: start..<start + Self.blockSize))
            start += Self.blockSize
        }
        scalarsBeforeBlock = counts
    }

    public func location(of offset: Int) -> (line: Int, column: Int) {
        let located = locate(offset)
        return (located.line, located.column)
    }

    /// The location, and how many bytes were read to count its column (tests bound it).
    func locate(_ offset: Int) -> (line: Int, column: Int, bytesRead: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        // A UTF-8 byte order mark is skipped by the parser, so it is no column either.
        let lineStart = low == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? min(3, offset) : lineStarts[low]
        let end = max(lineStart, min(offset, bytes.count))
        // Count scalars, not bytes: UTF-8 continuation bytes (10xxxxxx) do not start a new column.
        let (before, readAtStart) = scalarsBefore(lineStart)
        let (through, readAtEnd) = scalarsBefore(end)
        return (low + 1, 1 + through - before, readAtStart + readAtEnd)
    }

    /// Scalars starting in `bytes[0 ..< offset]`, from the checkpoint of the block that holds `offset`; and the bytes
    /// read past that checkpoint.
    private func scalarsBefore(_ offset: Int) -> (scalars: Int, bytesRead: Int) {
        let block = offset / Self.blockSize
        let blockStart = block * Self.blockSize
        return (scalarsBeforeBlock[block] + ByteScan.scalarStarts(bytes, in: blockStart..<offset), offset - blockStart)
    }

    /// Where each line starts: 0, and after every line feed (found with memchr, a file can be hundreds of megabytes).
    private static func lineStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        guard let base = bytes.baseAddress else { return starts }
        var position = 0
        while position < bytes.count, let found = memchr(base + position, 0x0A, bytes.count - position) {
            position = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
            starts.append(position)
        }
        return starts
    }
}
