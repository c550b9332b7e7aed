import AttributedCore
import CMicroHTTPD

/// Queues an API response on a connection. Every path queues something (a 500 as the last resort):
/// returning YES without a response would make MHD spin on the connection.
enum ResponseSender {
    /// MHD's verdict, and the length of the body queued (for the access log).
    struct Sent {
        let result: MHD_Result
        let bodyBytes: Int
    }

    static func send(_ response: Response, on connection: OpaquePointer, server: ServerContext,
                     dataset: ServedDataset?, isHead: Bool = false) -> Sent {
        if case .representation(let representation) = response.body, response.status == 200,
           let prebuilt = nativeResponse(for: representation.slot, coding: response.coding, server: server, dataset: dataset) {
            // `dataset` stays referenced until MHD has taken its own reference on the response.
            let result = withExtendedLifetime(dataset) { MHD_queue_response(connection, 200, prebuilt) }
            return Sent(result: result, bodyBytes: representation.body(response.coding).count)
        }
        // A rendered resource's gzip response is cached under its own key: a hit never serves the other coding.
        if case .rendered(let rendered) = response.body, response.status == 200, let dataset, let key = rendered.key,
           let sent = dataset.cache.queue(key.cacheKey(response.coding), on: connection, make: { kept in NativeResponse.make(finishing: response, pooled: !kept) }) {
            return Sent(result: sent.result, bodyBytes: sent.bodyBytes)
        }
        if case .stream(let stream) = response.body, response.status == 200 {
            guard let streamed = StreamedResponse.make(stream, headers: response.headers, gzip: response.coding == .gzip,
                                                          isHead: isHead, metrics: server.metrics) else {
                return Sent(result: sendInternalError(on: connection, server: server), bodyBytes: 0)
            }
            defer { MHD_destroy_response(streamed) }
            // The length is not known when the request is logged: the access log counts it as 0.
            return Sent(result: MHD_queue_response(connection, 200, streamed), bodyBytes: 0)
        }
        if case .events(let follower) = response.body, response.status == 200 {
            guard let streamed = EventStreamResponse.make(follower, on: connection, headers: response.headers) else {
                return Sent(result: sendInternalError(on: connection, server: server), bodyBytes: 0)
            }
            defer { MHD_destroy_response(streamed) }
            return Sent(result: MHD_queue_response(connection, 200, streamed), bodyBytes: 0)
        }
        guard let (fresh, bodyBytes) = NativeResponse.make(finishing: response, pooled: true) else {
            return Sent(result: sendInternalError(on: connection, server: server), bodyBytes: 0)
        }
        defer { MHD_destroy_response(fresh) }
        return Sent(result: MHD_queue_response(connection, UInt32(response.status), fresh), bodyBytes: bodyBytes)
    }

    private static func nativeResponse(for slot: Representation.Slot, coding: ContentCoding, server: ServerContext,
                                       dataset: ServedDataset?) -> OpaquePointer? {
        switch slot {
        case .permanent(let index): server.permanentResponses[index, coding]
        case .dataset(let index): dataset?.responses[index, coding]
        }
    }

    private static func sendInternalError(on connection: OpaquePointer, server: ServerContext) -> MHD_Result {
        guard let response = server.internalError[0] else { return .NO }
        return MHD_queue_response(connection, 500, response)
    }
}
