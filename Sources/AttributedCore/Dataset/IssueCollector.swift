/// Collects every issue of a load instead of stopping at the first, so one run lists them all.
/// Positions are kept as byte offsets and turned into lines and columns only at the end: that work is needed only
/// when something is wrong, and several threads may report into their own collectors meanwhile.
final class IssueCollector {
    private struct Pending {
        let file: SourceFile
        let offset: Int?
        let path: JSONPath?
        let message: String
    }

    private var pending: [Pending] = []

    func report(_ message: String, in file: SourceFile, at offset: Int? = nil, path: JSONPath? = nil) {
        pending.append(Pending(file: file, offset: offset, path: path, message: message))
    }

    /// Takes over another collector's issues (a worker thread's), after the ones already here.
    func append(_ other: IssueCollector) {
        pending += other.pending
    }

    var isEmpty: Bool { pending.isEmpty }

    var sortedIssues: [ValidationIssue] {
        let issues = pending.map { issue in
            let position = issue.offset.map(issue.file.location(of:))
            return ValidationIssue(file: issue.file.name, line: position?.line, column: position?.column,
                                   path: issue.path?.description, message: issue.message)
        }
        // Stable: issues found on the same spot keep the order they were found in.
        return issues.enumerated().sorted { lhs, rhs in
            let l = lhs.element, r = rhs.element
            if l.file != r.file { return l.file < r.file }
            if (l.line ?? 0) != (r.line ?? 0) { return (l.line ?? 0) < (r.line ?? 0) }
            if (l.column ?? 0) != (r.column ?? 0) { return (l.column ?? 0) < (r.column ?? 0) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
