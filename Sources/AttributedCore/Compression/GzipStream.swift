import CZlib

/// An incremental gzip compressor (RFC 1952 through zlib's deflate): feed it chunks, take the compressed bytes it
/// has ready after each, then `finish`. The output of every chunk but the last may be empty (deflate keeps up to
/// its window buffered); together they are one gzip member. Deterministic: no file name, modification time 0, so
/// the same input gives the same bytes (what lets a gzip body carry a strong ETag).
public final class GzipStream {
    /// zlib keeps a pointer back to its `z_stream` and checks it on every call, so the stream lives at a fixed
    /// address, not in a Swift value that may move.
    private let stream: UnsafeMutablePointer<z_stream>
    private var finished = false

    /// `level` 1 (fastest) to 9 (smallest); the server's is `GzipStream.serverLevel`. `size`, when the whole
    /// input's length is known, shrinks the window and hash table to fit it (`Window`).
    public init(level: Int32 = GzipStream.serverLevel, size: Int? = nil) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let window = Window(fitting: size)
        // windowBits + 16: deflate with the gzip header and trailer (RFC 1952).
        let status = CZlib_deflateInit2(stream, level, window.bits + 16, window.memoryLevel, Z_DEFAULT_STRATEGY)
        // Only a bad argument or no memory fails here; neither can go on.
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Level 1, measured on the seed's bodies (README, "Compression"): a list of 500 claims (32 KB) comes out
    /// 15% of its size, against 12% at level 6, for about half the CPU; every byte is compressed per request.
    public static let serverLevel: Int32 = 1

    /// deflate's window and hash table (`windowBits`, `memLevel`), smaller for a small input, as nginx's gzip
    /// filter sizes them: a window larger than the input finds no more matches, and zlib allocates and clears
    /// about 256 KB for the full ones, which cost a 1.6 KB claim chain four times its compression.
    struct Window {
        var bits: Int32 = 15
        var memoryLevel: Int32 = 8

        init(fitting size: Int?) {
            guard let size else { return }
            // Halve both while the input fits in half the window (less deflate's 262-byte lookahead); gzip
            // needs 9 bits at least.
            while bits > 9, size < (1 << (bits - 1)) - 262 {
                bits -= 1
                memoryLevel = max(1, memoryLevel - 1)
            }
        }
    }

    /// Compresses one more chunk; returns what deflate has ready (often nothing for a small chunk).
    public func compress(_ chunk: [UInt8]) -> [UInt8] {
        chunk.withUnsafeBytes { deflate($0, flush: Z_NO_FLUSH) }
    }

    /// Compresses the last chunk (none by default), then everything still buffered and the gzip trailer (CRC-32
    /// and length). Nothing may be fed after it. A whole body in one call is one deflate call.
    public func finish(_ lastChunk: [UInt8] = []) -> [UInt8] {
        lastChunk.withUnsafeBytes { deflate($0, flush: Z_FINISH) }
    }

    private func deflate(_ input: UnsafeRawBufferPointer, flush: Int32) -> [UInt8] {
        precondition(!finished, "GzipStream used after finish()")
        finished = flush == Z_FINISH
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        defer { stream.pointee.next_in = nil }
        // deflateBound is what the whole input can need: one round for almost any chunk, deflating straight into
        // the uninitialized storage of the array that is returned.
        let room = max(Int(deflateBound(stream, uLong(input.count))), 256)
        var output: [UInt8] = []
        while true {
            var status = Z_OK
            let produced = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = uInt(buffer.count)
                status = CZlib.deflate(stream, flush)
                count = buffer.count - Int(stream.pointee.avail_out)
            }
            if output.isEmpty { output = produced } else { output += produced }
            // Z_BUF_ERROR only means that no progress was possible: there was nothing to do.
            precondition(status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, "deflate failed: \(status)")
            // Done when the trailer is out, or (before the end) when deflate left room: it has nothing more yet.
            if status == Z_STREAM_END || (flush != Z_FINISH && stream.pointee.avail_out != 0) { break }
        }
        return output
    }
}
