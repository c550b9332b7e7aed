@testable import AttributedCore
import FuzzSupport

/// Bytes as a dataset: NUL bytes (never valid JSON) split the input into files, merged as a directory's are. The
/// loader returns a dataset or `DatasetInvalid` with at least one issue, each located inside its file; never
/// crashes; reading the files from disk a small window at a time changes nothing. A dataset that loads is served whole, every answer well-formed, and so is its canonical form
/// (`attributed fmt`), which must load and serve exactly the same bodies and be its own canonical form.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatasetLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let parts = fuzzBytes(data, size).split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
    let files = parts.enumerated().map { (name: "\(fuzzDirectory)/file-\($0.offset).json", bytes: Array($0.element)) }
    let loaded = Result { () throws(DatasetInvalid) in try DatasetLoader.load(files: files) }
    checkDiskLoadMatches(files, loaded)
    let dataset: Dataset
    switch loaded {
    case .success(let loaded): dataset = loaded
    case .failure(let error):
        check(!error.issues.isEmpty, "an invalid dataset without an issue")
        for issue in error.issues { checkLocated(issue, in: files) }
        return 0
    }
    let served = serveEverything(Store(dataset, loadedAt: "2026-01-01T00:00:00Z"))
    let canonical: [(name: String, bytes: [UInt8])]
    do { canonical = try CanonicalFile.files(files).map { ($0.name, $0.canonical) } } catch {
        fatalError("a dataset that loads has no canonical form: \(error)")
    }
    do {
        let again = serveEverything(Store(try DatasetLoader.load(files: canonical), loadedAt: "2026-01-01T00:00:00Z"))
        for ((target, body), (_, bodyAgain)) in zip(served, again) where target != "/readyz" {
            check(body == bodyAgain, "\(target) serves another body from the canonical form")
        }
        let twice = try CanonicalFile.files(canonical)
        check(twice.allSatisfy(\.isCanonical), "the canonical form is not canonical")
    } catch {
        fatalError("the canonical form does not load: \(error)")
    }
    return 0
}

private func checkLocated(_ issue: ValidationIssue, in files: [(name: String, bytes: [UInt8])]) {
    guard let file = files.first(where: { $0.name == issue.file }) else { fatalError("an issue in \(issue.file), not one of the files") }
    check((issue.line ?? 1) >= 1 && (issue.column ?? 1) >= 1, "an issue at \(issue)")
    // Counting the file's lines costs more than the load: only for an issue past the first line.
    guard let line = issue.line, line > 1 else { return }
    check(line <= file.bytes.count { $0 == UInt8(ascii: "\n") } + 1, "an issue at \(issue), past the file's end")
    check(!issue.message.isEmpty, "an issue without a message")
}

/// Every route of the dataset, as a client walking it would ask: each target with its body.
private func serveEverything(_ store: Store) -> [(target: String, body: [UInt8])] {
    var targets = ["/readyz", "/v1/articles", "/v1/claims?limit=500", "/v1/entities?limit=500", "/v1/indicators",
                   "/explore/", "/v1/claims?q=a&sort=relevance", "/v1/claims?min_depth=2"]
    for article in store.articles.prefix(8) {
        let id = percentEncoded(article.id)
        targets += ["/v1/articles/\(id)", "/v1/articles/\(id)/claims", "/v1/articles/\(id)/indicators",
                    "/explore/articles/\(id)", "/v1/indicators?publisher=\(percentEncoded(article.publisher))"]
    }
    for ordinal in 0..<min(store.claims.count, 32) {
        let id = percentEncoded(store.claims.id(of: ordinal))
        targets += ["/v1/claims/\(id)", "/v1/claims/\(id)/provenance", "/explore/claims/\(id)"]
    }
    for entity in store.entities.prefix(16) {
        let id = percentEncoded(entity.id)
        targets += ["/v1/entities/\(id)", "/v1/entities/\(id)/claims", "/explore/entities/\(id)"]
    }
    return targets.map { target in
        let request = FuzzRequest.make(Array(target.utf8))
        let response = SeedService.api.respond(to: request, store: store)
        checkWellFormed(response, for: request)
        return (target, response.bodyBytes)
    }
}
