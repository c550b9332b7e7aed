/// A body produced chunk by chunk (`next` returns nil at the end), gzipped chunk by chunk: how a streamed export
/// goes out to a client that accepts gzip. Wrap the export's chunk producer and hand `next()` to the content
/// callback instead. It never returns an empty chunk before the end: deflate may buffer a small chunk whole, and
/// a libmicrohttpd content reader that returns no bytes is called again at once, so it pulls input until there is
/// output.
public final class GzipChunks {
    private let produce: () -> [UInt8]?
    /// nil once the trailer is out.
    private var stream: GzipStream?

    public init(_ produce: @escaping () -> [UInt8]?) {
        self.produce = produce
        stream = GzipStream()
    }

    /// The next compressed chunk; nil after the last.
    public func next() -> [UInt8]? {
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
