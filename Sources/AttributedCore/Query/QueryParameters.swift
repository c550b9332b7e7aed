/// The query parameters of one request, checked strictly: an unknown, repeated or empty parameter is an error
/// that names it, because a typo must never silently widen a result.
struct QueryParameters {
    static let maximumCount = API.maximumQueryParameters

    private let values: [String: String]

    init(_ items: [QueryItem], allowed: Set<String>) throws(Problem) {
        guard items.count <= Self.maximumCount else { throw .tooManyParameters(limit: Self.maximumCount) }
        var values: [String: String] = [:]
        for item in items {
            guard allowed.contains(item.name) else {
                let known = allowed.isEmpty ? "this route takes no query parameters"
                    : "known parameters: \(allowed.sorted().joined(separator: ", "))"
                throw .invalidParameter(item.name, "unknown query parameter \"\(item.name)\"; \(known)")
            }
            guard let value = item.value else {
                throw .invalidParameter(item.name, "query parameter \"\(item.name)\" needs a value")
            }
            guard values[item.name] == nil else {
                throw .invalidParameter(item.name, "query parameter \"\(item.name)\" is given more than once")
            }
            values[item.name] = value
        }
        self.values = values
    }

    func string(_ name: String, maximumLength: Int = 256) throws(Problem) -> String? {
        guard let value = values[name] else { return nil }
        guard !value.isEmpty else { throw .invalidParameter(name, "query parameter \"\(name)\" must not be empty") }
        guard value.unicodeScalars.count <= maximumLength else {
            throw .invalidParameter(name, "query parameter \"\(name)\" is longer than \(maximumLength) characters")
        }
        return value
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(Problem) -> Int? {
        guard let raw = values[name] else { return nil }
        guard raw.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let value = Int(raw),
              range.contains(value)
        else {
            throw .invalidParameter(name, "query parameter \"\(name)\" must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, as: Choice.Type = Choice.self) throws(Problem) -> Choice?
    where Choice.RawValue == String {
        guard let raw = values[name] else { return nil }
        guard let value = Choice(rawValue: raw) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidParameter(name, "query parameter \"\(name)\" must be one of: \(allowed)")
        }
        return value
    }
}
