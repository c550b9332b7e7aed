/// A list body, `{"items":[...],"next":...}`, spliced from prerendered records: no encoding per request.
enum ListResponse {
    static func make(_ page: Page, of representations: [Representation], for request: Request) -> Response {
        var body: [UInt8] = []
        body.reserveCapacity(page.ordinals.reduce(32) { $0 + representations[$1].body.count + 1 })
        body.append(contentsOf: #"{"items":["#.utf8)
        for (position, ordinal) in page.ordinals.enumerated() {
            if position > 0 { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: representations[ordinal].body)
        }
        body.append(contentsOf: #"],"next":"#.utf8)
        JSON.optional(page.next).write(into: &body)
        body.append(UInt8(ascii: "}"))

        var headers = StandardHeaders.success(contentType: MediaType.json, etag: ETag.strong(for: body),
                                              cacheControl: CacheControl.data)
        if let next = page.next {
            headers.append(HTTPHeader("Link", "<\(nextURL(for: request, cursor: next))>; rel=\"next\""))
        }
        return Response(status: 200, headers: headers, body: .bytes(body))
    }

    /// The same request with the cursor of the next page, parameters kept in their order.
    static func nextURL(for request: Request, cursor: String) -> String {
        var items = request.query.filter { $0.name != "cursor" }
        items.append(QueryItem("cursor", cursor))
        let query = items.map { "\(percentEncoded($0.name))=\(percentEncoded($0.value ?? ""))" }.joined(separator: "&")
        return "\(request.path)?\(query)"
    }

    private static func percentEncoded(_ string: String) -> String {
        var result = ""
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
