import AttributedCore
import CMicroHTTPD

/// Queues an API response on a connection. Every path queues something (a 500 as the last resort):
/// returning YES without a response would make MHD spin on the connection.
enum ResponseSender {
    static func send(_ response: Response, on connection: OpaquePointer, server: ServerContext,
                     dataset: ServedDataset?) -> MHD_Result {
        if case .representation(let representation) = response.body, response.status == 200,
           let prebuilt = nativeResponse(for: representation.slot, server: server, dataset: dataset) {
            // `dataset` stays referenced until MHD has taken its own reference on the response.
            return withExtendedLifetime(dataset) { MHD_queue_response(connection, 200, prebuilt) }
        }
        if case .rendered(let rendered) = response.body, response.status == 200, let dataset, let key = rendered.key,
           let result = dataset.cache.queue(key, on: connection, make: {
               NativeResponse.make(body: rendered.render(), headers: response.headers)
           }) {
            return result
        }
        guard let fresh = NativeResponse.make(body: response.bodyBytes, headers: response.headers) else {
            return sendInternalError(on: connection, server: server)
        }
        defer { MHD_destroy_response(fresh) }
        return MHD_queue_response(connection, UInt32(response.status), fresh)
    }

    private static func nativeResponse(for slot: Representation.Slot, server: ServerContext,
                                       dataset: ServedDataset?) -> OpaquePointer? {
        switch slot {
        case .permanent(let index): server.permanentResponses[index]
        case .dataset(let index): dataset?.responses[index]
        }
    }

    private static func sendInternalError(on connection: OpaquePointer, server: ServerContext) -> MHD_Result {
        guard let response = server.internalError[0] else { return .NO }
        return MHD_queue_response(connection, 500, response)
    }
}
