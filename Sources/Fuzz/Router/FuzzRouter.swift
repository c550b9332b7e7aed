@testable import AttributedCore
import FuzzSupport

/// A request target (then optionally a method, `Accept` and `If-None-Match`, one a line) made into a request as
/// the server makes it, answered over the seed and with no dataset loaded yet: every answer is well-formed, HEAD
/// answers as GET does, a 200's ETag gets a 304, and a list's next link is a page (200).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRouter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let api = SeedService.api
    let request = FuzzRequest.make(fuzzBytes(data, size))
    checkWellFormed(api.respond(to: request, store: nil), for: request)
    let response = api.respond(to: request, store: SeedService.store)
    checkWellFormed(response, for: request)
    guard request.method == "GET" else { return 0 }
    var head = request
    head.method = "HEAD"
    check(api.respond(to: head, store: SeedService.store).status == response.status, "HEAD and GET differ for \(request)")
    guard response.status == 200, let etag = response.header("ETag") else { return 0 }
    var conditional = request
    conditional.ifNoneMatch = etag
    check(api.respond(to: conditional, store: SeedService.store).status == 304, "no 304 for its own ETag: \(request)")
    for link in response.sentHeaders where link.name == "Link" {
        // The Web Annotation Protocol's links name W3C IRIs (an LDP type, the protocol's constraints): not ours to
        // follow.
        let external = [">; rel=\"type\"", ">; rel=\"http://www.w3.org/ns/ldp#constrainedBy\""]
        if link.value.hasPrefix("<http://www.w3.org/"), external.contains(where: { link.value.hasSuffix($0) }) { continue }
        // A list's next page, or a claim's provenance (PROV-AQ), or its article's history as PROV (anchored at the
        // article): each a target that answers 200.
        let relations = [">; rel=\"next\"", ">; rel=\"http://www.w3.org/ns/prov#has_provenance\""]
        let value = link.value.range(of: "; anchor=\"urn:attributed:article:").map { String(link.value[..<$0.lowerBound]) } ?? link.value
        check(value.hasPrefix("<") && relations.contains { value.hasSuffix($0) }, "Link \(link.value) for \(request)")
        let target = FuzzRequest.make(Array(link.value.utf8.dropFirst().prefix { $0 != UInt8(ascii: ">") }))
        let linked = api.respond(to: target, store: SeedService.store)
        check(linked.status == 200, "the link \(link.value) of \(request) answers \(linked.status)")
    }
    return 0
}
