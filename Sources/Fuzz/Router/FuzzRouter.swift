@testable import AttributedCore
import FuzzSupport

/// A request target (then optionally a method, `Accept` and `If-None-Match`, one a line) made into a request as
/// the server makes it, answered over the seed and with no dataset loaded yet: every answer is well-formed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRouter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let request = FuzzRequest.make(fuzzBytes(data, size))
    for store in [SeedService.store, nil] {
        checkWellFormed(SeedService.api.respond(to: request, store: store), for: request)
    }
    return 0
}
