/// One problem in a dataset, printed on one line a person can act on: `FILE:LINE:COLUMN: JSONPATH: message`.
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var path: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        var parts = [file]
        if let line, let column { parts.append("\(line):\(column)") }
        if let path { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ").replacingFirstColons()
    }
}

extension String {
    /// `file: 3:7: path` reads better as `file:3:7: path`, the form editors and CI annotators link to.
    fileprivate func replacingFirstColons() -> String {
        guard let range = range(of: ": "), let next = self[range.upperBound...].first, next.isNumber else { return self }
        return replacingCharacters(in: range, with: ":")
    }
}

/// The error a load fails with: every issue found, in file and line order.
public struct DatasetInvalid: Error, Sendable, CustomStringConvertible {
    public let issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    public var description: String {
        (issues.map(\.description) + ["\(counted(issues.count, "error")) found"])
            .joined(separator: "\n")
    }
}
