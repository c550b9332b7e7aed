/// Collects every issue of a load instead of stopping at the first, so one run lists them all.
final class IssueCollector {
    private(set) var issues: [ValidationIssue] = []

    func report(_ message: String, in file: SourceFile, at offset: Int? = nil, path: JSONPath? = nil) {
        let position = offset.map(file.location(of:))
        issues.append(ValidationIssue(file: file.name, line: position?.line, column: position?.column,
                                      path: path?.description, message: message))
    }

    var sortedIssues: [ValidationIssue] {
        // Stable: issues found on the same spot keep the order they were found in.
        issues.enumerated().sorted { lhs, rhs in
            let l = lhs.element, r = rhs.element
            if l.file != r.file { return l.file < r.file }
            if (l.line ?? 0) != (r.line ?? 0) { return (l.line ?? 0) < (r.line ?? 0) }
            if (l.column ?? 0) != (r.column ?? 0) { return (l.column ?? 0) < (r.column ?? 0) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
