/// The query parameters of one request, checked strictly: an unknown, repeated or empty parameter is an error
/// that names it, because a typo must never silently widen a result.
struct QueryParameters {
    static let maximumCount = API.maximumQueryParameters

    /// Taken by every data route (`FormatOffer`); any other route refuses it like any unknown parameter.
    static let formatName = "format"

    /// The parameters that may be given more than once (each occurrence is one more value): `publisher` means any
    /// of them (an article has one), `source` and `mode` all of them (a chain has several), `facet` one facet each.
    static let repeatable: Set = ["publisher", "source", "mode", "facet"]

    /// The parameters as given, in order, each checked. A route asks for a dozen names of which a request gives one
    /// or two: a scan of so few comparing short strings costs less than hashing each name asked for.
    private let items: [(name: String, value: String)]
    /// The formats the route offers; nil on a route that takes no `format`.
    let formatOffer: FormatOffer?
    /// The format `?format=` asked for, already checked against the offer.
    let requestedFormat: Format?

    init(_ items: [QueryItem], allowed: Set<String>, formats: FormatOffer? = nil) throws(Problem) {
        guard items.count <= Self.maximumCount else { throw .tooManyParameters(limit: Self.maximumCount) }
        var checked: [(name: String, value: String)] = []
        checked.reserveCapacity(items.count)
        for item in items {
            guard allowed.contains(item.name) || (formats != nil && item.name == Self.formatName) else {
                var names = allowed
                if formats != nil { names.insert(Self.formatName) }
                let known = names.isEmpty ? "this route takes no query parameters"
                    : "known parameters: \(names.sorted().joined(separator: ", "))"
                throw .invalidParameter(item.name, "unknown query parameter \"\(item.name)\"; \(known)")
            }
            guard let value = item.value else {
                throw .invalidParameter(item.name, "query parameter \"\(item.name)\" needs a value")
            }
            guard Self.repeatable.contains(item.name) || !checked.contains(where: { $0.name == item.name }) else {
                throw .invalidParameter(item.name, "query parameter \"\(item.name)\" is given more than once")
            }
            checked.append((item.name, value))
        }
        self.items = checked
        formatOffer = formats
        requestedFormat = try formats.flatMap { offer throws(Problem) in try Self.format(Self.first(Self.formatName, in: checked), in: offer) }
    }

    /// The first value given for `name`.
    private static func first(_ name: String, in items: [(name: String, value: String)]) -> String? {
        for item in items where item.name == name { return item.value }
        return nil
    }

    private subscript(first name: String) -> String? { Self.first(name, in: items) }

    /// Every value given for `name`, in order (no allocation when there is none).
    private subscript(all name: String) -> [String] {
        guard items.contains(where: { $0.name == name }) else { return [] }
        return items.compactMap { $0.name == name ? $0.value : nil }
    }

    /// An unknown value is 400 naming `format`, with the values this route offers.
    private static func format(_ value: String?, in offer: FormatOffer) throws(Problem) -> Format? {
        guard let value else { return nil }
        guard let format = offer.format(named: value) else {
            throw .invalidParameter(formatName, "query parameter \"format\" must be one of: \(offer.names)")
        }
        return format
    }

    func contains(_ name: String) -> Bool { self[first: name] != nil }

    func string(_ name: String, maximumLength: Int = 256) throws(Problem) -> String? {
        guard let value = self[first: name] else { return nil }
        guard !value.isEmpty else { throw .invalidParameter(name, "query parameter \"\(name)\" must not be empty") }
        guard value.unicodeScalars.count <= maximumLength else {
            throw .invalidParameter(name, "query parameter \"\(name)\" is longer than \(maximumLength) characters")
        }
        return value
    }

    /// Every value of a repeatable parameter, each checked as `string` checks one; empty when it is absent.
    func strings(_ name: String, maximumLength: Int = 256, maximumCount: Int = 16) throws(Problem) -> [String] {
        try checkCount(name, maximumCount)
        var checked: [String] = []
        for value in self[all: name] {
            guard !value.isEmpty else { throw .invalidParameter(name, "query parameter \"\(name)\" must not be empty") }
            guard value.unicodeScalars.count <= maximumLength else {
                throw .invalidParameter(name, "query parameter \"\(name)\" is longer than \(maximumLength) characters")
            }
            checked.append(value)
        }
        return checked
    }

    /// Every value of a repeatable parameter from a closed vocabulary.
    func choices<Choice: RawRepresentable & CaseIterable>(_ name: String, as: Choice.Type = Choice.self) throws(Problem) -> [Choice]
    where Choice.RawValue == String {
        try checkCount(name, Choice.allCases.count)
        var chosen: [Choice] = []
        for raw in self[all: name] {
            guard let value = Choice(rawValue: raw) else {
                let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalidParameter(name, "query parameter \"\(name)\" must be one of: \(allowed)")
            }
            chosen.append(value)
        }
        return chosen
    }

    /// Every value of a repeatable parameter that names entities: each in the id syntax (`[A-Za-z0-9][A-Za-z0-9._-]`,
    /// at most 128), so that a malformed one is a 400 rather than an id that names nothing.
    func ids(_ name: String) throws(Problem) -> [String] {
        let values = try strings(name, maximumLength: 128)
        for value in values where !Self.isId(value) {
            throw .invalidParameter(name, "query parameter \"\(name)\" must be an id: a letter or digit, then letters, digits, '.', '_' or '-'")
        }
        return values
    }

    func id(_ name: String) throws(Problem) -> String? { try ids(name).first }

    static func isId(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        func allowed(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard let first = bytes.first, allowed(first), bytes.count <= 128 else { return false }
        return bytes.allSatisfy { allowed($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    /// A BCP 47 language tag as the dataset's `language` is (`en`, `ur-PK`), at most 64 characters.
    func languageTag(_ name: String) throws(Problem) -> String? {
        guard let value = try string(name, maximumLength: 64) else { return nil }
        guard ASCIIFormat.matches(Array(value.utf8), .languageTag) else {
            throw .invalidParameter(name, "query parameter \"\(name)\" must be a BCP 47 language tag such as \"en\" or \"ur-PK\"")
        }
        return value
    }

    /// A repeatable parameter is given at most `maximum` times (a vocabulary's, at most as many as its values).
    private func checkCount(_ name: String, _ maximum: Int) throws(Problem) {
        guard items.lazy.filter({ $0.name == name }).count > maximum else { return }
        throw .invalidParameter(name, "query parameter \"\(name)\" is given more than \(maximum) times")
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(Problem) -> Int? {
        guard let raw = self[first: name] else { return nil }
        guard raw.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let value = Int(raw),
              range.contains(value)
        else {
            throw .invalidParameter(name, "query parameter \"\(name)\" must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, as: Choice.Type = Choice.self) throws(Problem) -> Choice?
    where Choice.RawValue == String {
        guard let raw = self[first: name] else { return nil }
        guard let value = Choice(rawValue: raw) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidParameter(name, "query parameter \"\(name)\" must be one of: \(allowed)")
        }
        return value
    }
}
