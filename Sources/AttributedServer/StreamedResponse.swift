import AttributedCore
import CMicroHTTPD
import CMicroHTTPDShim

/// A bulk export as a libmicrohttpd callback response: MHD asks for bytes as the socket drains, the feed hands
/// them out of one chunk at a time and renders the next chunk only when this one is gone, and MHD frees the feed
/// (and with it the store it holds) when the response is done with, however the request ended.
enum StreamedResponse {
    /// A response of unknown length (chunked in HTTP/1.1) with `headers`; nil if MHD cannot allocate it.
    ///
    /// A HEAD is answered without chunking and closes the connection after its headers: libmicrohttpd 0.9.75 ends
    /// a chunked reply to HEAD with the last chunk (`0` CRLF CRLF, connection.c `MHD_CONNECTION_BODY_SENT`), a body
    /// HEAD must not have, which a client would read as the start of its next reply.
    /// With `gzip` (the client accepts it; `headers` are then the gzip coding's), each chunk goes through one
    /// incremental compressor: an export's size is not known before it ends, so it is always compressed.
    static func make(_ stream: ExportStream, headers: [HTTPHeader], gzip: Bool, isHead: Bool,
                     metrics: ServerMetrics) -> OpaquePointer? {
        let feed = Unmanaged.passRetained(ExportFeed(stream, gzip: gzip && !isHead, metrics: metrics))
        guard let response = MHD_create_response_from_callback(UInt64.max /* MHD_SIZE_UNKNOWN */, ExportStream.chunkSize,
                                                               readExport, feed.toOpaque(), freeExport) else {
            feed.release()  // MHD made nothing, so it will not call freeExport
            return nil
        }
        if isHead, CMicroHTTPDShim_response_http_1_0_compatible(response) == .NO {
            MHD_destroy_response(response)  // which frees the feed
            return nil
        }
        return NativeResponse.adding(headers, to: response)  // a failure destroys the response, which frees the feed
    }
}

/// One export's stream and the chunk being sent. MHD calls a response's reader from one thread at a time.
final class ExportFeed: @unchecked Sendable {
    private var stream: ExportStream
    /// For a gzip client.
    private var compressor: GzipChunks?
    private var chunk: [UInt8] = []
    private var sent = 0
    private let metrics: ServerMetrics

    init(_ stream: ExportStream, gzip: Bool, metrics: ServerMetrics) {
        self.stream = stream
        compressor = gzip ? GzipChunks() : nil
        self.metrics = metrics
        chunk.reserveCapacity(ExportStream.chunkSize + 4096)
        metrics.exportsOpen.wrappingAdd(1, ordering: .relaxed)
    }

    /// Copies up to `max` bytes into `buffer`: their count, or -1 (MHD_CONTENT_READER_END_OF_STREAM) at the end.
    /// Never 0, which would make MHD's internal event loop spin.
    func read(into buffer: UnsafeMutableRawPointer, max: Int) -> Int {
        if sent == chunk.count {
            sent = 0
            guard refill() else { return -1 }
        }
        let count = min(max, chunk.count - sent)
        chunk.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + sent, byteCount: count) }
        sent += count
        return count
    }

    /// The next chunk to send, never empty; false at the end.
    private func refill() -> Bool {
        chunk.removeAll(keepingCapacity: true)
        guard compressor != nil else {
            return stream.next(into: &chunk, upTo: ExportStream.chunkSize) && !chunk.isEmpty
        }
        guard let compressed = compressor!.next(from: nextRows) else { return false }
        chunk = compressed
        return true
    }

    /// The next rows uncompressed, for the compressor; nil once the export is done.
    private func nextRows() -> [UInt8]? {
        var rows: [UInt8] = []
        rows.reserveCapacity(ExportStream.chunkSize + 4096)
        return stream.next(into: &rows, upTo: ExportStream.chunkSize) ? rows : nil
    }

    deinit {
        metrics.exportsOpen.wrappingSubtract(1, ordering: .relaxed)
        metrics.exportEnded(complete: stream.isFinished && compressor?.isFinished != false && sent == chunk.count)
    }
}

private func readExport(_ cls: UnsafeMutableRawPointer?, _ position: UInt64, _ buffer: UnsafeMutablePointer<CChar>?,
                        _ max: Int) -> Int {
    guard let cls, let buffer, max > 0 else { return -2 }  // MHD_CONTENT_READER_END_WITH_ERROR
    return Unmanaged<ExportFeed>.fromOpaque(cls).takeUnretainedValue().read(into: buffer, max: max)
}

private func freeExport(_ cls: UnsafeMutableRawPointer?) {
    guard let cls else { return }
    Unmanaged<ExportFeed>.fromOpaque(cls).release()
}
