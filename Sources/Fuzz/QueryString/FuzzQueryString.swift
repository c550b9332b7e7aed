@testable import AttributedCore
import FuzzSupport

/// A query string (what follows `?`), split as libmicrohttpd splits it, through every list's parameter parsing
/// (every name allowed, so the fuzzer reaches the values) and the page it selects in the seed: a parameter is
/// accepted or refused with a 400 that names a parameter of the query, never crashes; a page holds at most `limit`
/// valid items; the next page's link gives back the same parameters; any cursor re-encodes to the same position.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQueryString(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let items = FuzzRequest.queryItems(fuzzBytes(data, size)[...])
    let store = SeedService.store
    let allowed = ClaimQuery.parameterNames.union(EntityQuery.parameterNames).union(["role", "publisher"])
    do {
        let parameters = try QueryParameters(items, allowed: allowed)
        let pageRequest = try PageRequest(parameters)
        checkCursorRoundTrip(pageRequest.after)
        let claims = try ClaimQuery(parameters).page(pageRequest, in: store)
        check(claims, limit: pageRequest.limit, count: store.claims.count)
        let entities = try EntityQuery(parameters).page(pageRequest, in: store)
        check(entities, limit: pageRequest.limit, count: store.entities.count)
        _ = try parameters.choice("role", as: EntityHandlers.Role.self)
        _ = try parameters.string("publisher")
    } catch {
        check(error.status == 400, "status \(error.status) for a query")
        if let name = error.parameter { check(items.contains { $0.name == name }, "a 400 names \(name), not in the query") }
    }
    checkLinkRoundTrip(items)
    return 0
}

private func check(_ page: Page, limit: Int, count: Int) {
    check(page.ordinals.count <= limit, "a page of \(page.ordinals.count) items for limit \(limit)")
    check(page.ordinals.allSatisfy { (0..<count).contains($0) }, "an ordinal outside 0..<\(count)")
    check(Set(page.ordinals).count == page.ordinals.count, "an item twice on one page")
    if let next = page.next { checkCursorRoundTrip(try? Cursor.decode(next)) }
}

/// A cursor's encoding decodes to the same position (compared encoded: a NaN score is not equal to itself).
private func checkCursorRoundTrip(_ cursor: Cursor?) {
    guard let cursor else { return }
    let again = try? Cursor.decode(cursor.encoded)
    check(again?.encoded == cursor.encoded, "cursor \(cursor) does not survive its encoding")
}

/// The next page's URL, split again, gives back the same parameters in the same order (`?flag` becoming `flag=`).
private func checkLinkRoundTrip(_ items: [QueryItem]) {
    let url = ListResponse.url(path: "/v1/claims", query: items)
    let query = url.utf8.firstIndex(of: UInt8(ascii: "?")).map { Array(url.utf8[url.utf8.index(after: $0)...]) } ?? []
    let parsed = FuzzRequest.queryItems(query[...])
    let expected = items.map { QueryItem($0.name, $0.value ?? "") }
    check(parsed == expected, "the link \(url) gives \(parsed), not \(expected)")
}
