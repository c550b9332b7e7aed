/// Turns byte offsets into 1-based line and column numbers (columns counted in Unicode scalars, as editors do).
/// Built once per file and only when an error has to be reported.
public struct LineIndex: @unchecked Sendable {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Keeps `bytes` alive.
    private let owner: FileBuffer
    private let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        self.init(FileBuffer(copying: bytes))
    }

    /// Over a file's buffer, which must hold the whole file (see `FileBuffer.fillAll`).
    init(_ buffer: FileBuffer) {
        owner = buffer
        bytes = buffer.bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    public func location(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        // A UTF-8 byte order mark is skipped by the parser, so it is no column either.
        let lineStart = low == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? min(3, offset) : lineStarts[low]
        let end = min(offset, bytes.count)
        // Count scalars, not bytes: UTF-8 continuation bytes (10xxxxxx) do not start a new column.
        let column = bytes[lineStart..<end].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return (low + 1, column)
    }
}
