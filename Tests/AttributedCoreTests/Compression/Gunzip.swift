import CZlib

/// zlib's own inflate, the reference a test decompresses with: nil for anything that is not exactly one complete
/// gzip member (a bad header, a CRC-32 or length that does not match, bytes left over).
func gunzip(_ compressed: [UInt8]) -> [UInt8]? {
    var stream = z_stream()
    guard CZlib_inflateInit2(&stream, 15 + 16) == Z_OK else { return nil }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    var block = [UInt8](repeating: 0, count: 4096)
    return compressed.withUnsafeBufferPointer { input -> [UInt8]? in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = uInt(input.count)
        while true {
            let (status, produced) = block.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                let status = inflate(&stream, Z_NO_FLUSH)
                return (status, buffer.count - Int(stream.avail_out))
            }
            output.append(contentsOf: block[..<produced])
            switch status {
            case Z_STREAM_END: return stream.avail_in == 0 ? output : nil
            case Z_OK: continue
            default: return nil  // Z_BUF_ERROR here: the input ended before the member did
            }
        }
    }
}
