@testable import AttributedCore

/// What every response must be, whatever was asked: a status libmicrohttpd can send, headers that cannot split a
/// response (no CR, LF or NUL), a JSON body that parses, a problem whose `status` is the response's, a 200 with an
/// ETag, and no body on 204 and 304.
public func checkWellFormed(_ response: Response, for request: Request) {
    let status = response.status
    check((200..<600).contains(status), "status \(status) for \(request)")
    for header in response.headers {
        check(!header.name.isEmpty && !header.name.utf8.contains(where: isLineBreakOrNul),
              "header name \(header.name.debugDescription) for \(request)")
        check(!header.value.utf8.contains(where: isLineBreakOrNul),
              "header \(header.name): \(header.value.debugDescription) for \(request)")
    }
    if status == 200 { check(response.header("ETag") != nil, "a 200 without an ETag for \(request)") }
    let body = response.bodyBytes
    if status == 204 || status == 304 {
        check(body.isEmpty, "a \(status) with a body for \(request)")
        return
    }
    let contentType = response.header("Content-Type")
    check(contentType != nil || body.isEmpty, "a body without a Content-Type for \(request)")
    let json = [MediaType.json, MediaType.problem, MediaType.jsonLD, MediaType.annotation]  // JSON-LD is JSON
    guard let contentType, json.contains(contentType) else { return }
    var parser = JSONParser(bytes: body)
    let root: JSONNode
    do { root = try parser.parseDocument() } catch {
        fatalError("invalid JSON body (\(error.message) at \(error.offset)) for \(request): \(String(decoding: body, as: UTF8.self))")
    }
    check(parser.duplicateKeys.isEmpty, "a duplicate key in the body for \(request)")
    if contentType == MediaType.problem {
        let member = root.members?.first { $0.key == "status" }?.value.value
        guard case .number(let literal)? = member, literal == String(status) else {
            fatalError("a problem's status \(String(describing: member)) is not \(status) for \(request)")
        }
    }
}

private func isLineBreakOrNul(_ byte: UInt8) -> Bool { byte == 0x0D || byte == 0x0A || byte == 0 }

extension JSONNode {
    fileprivate var members: [JSONMember]? {
        guard case .object(let members) = value else { return nil }
        return members
    }
}
