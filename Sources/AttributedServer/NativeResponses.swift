import AttributedCore
import CMicroHTTPD

/// libmicrohttpd response objects built once for a set of representations and shared by every worker thread.
/// MHD reference-counts responses under its own lock, so queueing a shared one is safe; nothing may add headers
/// to them after they are built. They are destroyed when the set is released.
final class NativeResponses: @unchecked Sendable {
    private let responses: [OpaquePointer]
    /// Each representation's gzip variant, where it has one, under the same index; empty when none was asked for.
    private let gzipped: [Int: OpaquePointer]

    /// Both codings of every representation that has a gzip variant.
    convenience init(_ representations: [Representation]) throws(ServerError) {
        let variants = representations.indices.compactMap { index in
            representations[index].gzipped.map { (index, $0.body, $0.headers) }
        }
        try self.init(representations.map { ($0.body, $0.headers) }, gzipped: variants)
    }

    init(_ contents: [(body: [UInt8], headers: [HTTPHeader])],
         gzipped variants: [(index: Int, body: [UInt8], headers: [HTTPHeader])] = []) throws(ServerError) {
        let identity = try Self.make(contents)
        do {
            let made = try Self.make(variants.map { ($0.body, $0.headers) })
            gzipped = Dictionary(uniqueKeysWithValues: zip(variants.map(\.index), made))
        } catch {
            identity.forEach { MHD_destroy_response($0) }
            throw error
        }
        responses = identity
    }

    private static func make(_ contents: [(body: [UInt8], headers: [HTTPHeader])]) throws(ServerError) -> [OpaquePointer] {
        var responses: [OpaquePointer] = []
        responses.reserveCapacity(contents.count)
        for content in contents {
            guard let response = NativeResponse.make(body: content.body, headers: content.headers) else {
                responses.forEach { MHD_destroy_response($0) }
                throw ServerError("cannot build a response object (out of memory?)")
            }
            responses.append(response)
        }
        return responses
    }

    subscript(index: Int) -> OpaquePointer? {
        responses.indices.contains(index) ? responses[index] : nil
    }

    subscript(index: Int, coding: ContentCoding) -> OpaquePointer? {
        coding == .gzip ? gzipped[index] : self[index]
    }

    deinit {
        responses.forEach { MHD_destroy_response($0) }
        gzipped.values.forEach { MHD_destroy_response($0) }
    }
}

enum NativeResponse {
    /// A response owning a copy of `body`, with `headers` added; nil if MHD cannot allocate it.
    static func make(body: [UInt8], headers: [HTTPHeader]) -> OpaquePointer? {
        body.withUnsafeBytes { make(body: $0, headers: headers) }
    }

    /// The response for `response` as it goes out (`Response.withFinished`), and its body's length; nil if MHD
    /// cannot allocate it. `pooled`: a response sent once and then dropped copies its body into a reusable buffer
    /// when the pool takes its size (`BodyBufferPool.sizes`); one that is kept (the response cache) copies it into a
    /// buffer of its exact size.
    static func make(finishing response: Response, pooled: Bool) -> (response: OpaquePointer, bodyBytes: Int)? {
        response.withFinished { body, headers, derived in
            make(body: body, headers: headers, derived, pooled: pooled).map { ($0, body.count) }
        }
    }

    /// A response owning a copy of `body`, with `headers` and then `more` added; nil if MHD cannot allocate it.
    static func make(body: UnsafeRawBufferPointer, headers: [HTTPHeader], _ more: [HTTPHeader] = [],
                     pooled: Bool = false) -> OpaquePointer? {
        let created = (pooled ? BodyBufferPool.shared.response(copying: body) : nil)
            ?? MHD_create_response_from_buffer(body.count, UnsafeMutableRawPointer(mutating: body.baseAddress), .RESPMEM_MUST_COPY)
        guard let response = created else { return nil }
        guard let withHeaders = adding(headers, to: response) else { return nil }
        return more.isEmpty ? withHeaders : adding(more, to: withHeaders)
    }

    /// `response` with `headers` added; nil (the response destroyed) if MHD cannot add one.
    static func adding(_ headers: [HTTPHeader], to response: OpaquePointer) -> OpaquePointer? {
        for header in headers {
            // withCString reads a short (inline) string from the stack; passing the String itself as a C string
            // would copy it to the heap first, twice per header of every rendered response.
            let added = header.name.withCString { name in header.value.withCString { MHD_add_response_header(response, name, $0) } }
            if added == .NO {
                MHD_destroy_response(response)
                return nil
            }
        }
        return response
    }
}
