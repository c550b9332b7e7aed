/// A body produced chunk by chunk, gzipped chunk by chunk: how a streamed export goes out to a client that
/// accepts gzip (`StreamedResponse`). It never returns an empty chunk before the end: deflate may buffer a small
/// chunk whole, and a libmicrohttpd content reader that returns no bytes is called again at once, so it pulls
/// input until there is output. It holds no producer (the caller passes one to each `next`), so the object that
/// owns both the rows and this needs no closure that would keep itself alive.
public struct GzipChunks {
    /// nil once the trailer is out.
    private var stream: GzipStream? = GzipStream()

    public init() {}

    /// True once the trailer has been returned.
    public var isFinished: Bool { stream == nil }

    /// The next compressed chunk, pulling input from `produce` (nil at its end) until deflate has bytes; the
    /// trailer after the last input; nil after the trailer.
    public mutating func next(from produce: () -> [UInt8]?) -> [UInt8]? {
        while let stream {
            guard let chunk = produce() else {
                self.stream = nil
                return stream.finish()
            }
            let compressed = stream.compress(chunk)
            if !compressed.isEmpty { return compressed }
        }
        return nil
    }
}
