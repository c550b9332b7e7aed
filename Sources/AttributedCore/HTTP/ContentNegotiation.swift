/// Reads an `Accept` header (RFC 9110 §12.5.1): which format a data route sends, and whether `/` sends a browser
/// to the explorer. Browsers list `text/html` first and everything else at a lower `q`; curl sends `*/*`, which
/// ranks both alike, and then JSON wins. Of the media type's parameters only `q` and `profile` count (the JSON-LD
/// formats differ by profile alone).
enum ContentNegotiation {
    static func prefersHTML(_ accept: String?) -> Bool {
        guard let accept else { return false }
        return match(("text", "html"), in: accept).quality > match(("application", "json"), in: accept).quality
    }

    /// The offered format the client ranks highest: by `q`, then by how specific the range that gave it its `q`
    /// is, then by the route's order (its default first); nil when every format is excluded (`q=0`, or matched by
    /// no range). No header, or the `*/*` curl and browsers' `fetch` send, costs no parsing.
    static func best(of formats: [Format], accept: String?) -> Format? {
        guard let accept, accept != "*/*", !accept.isEmpty else { return formats.first }
        var best: (format: Format, quality: Double, specificity: Int)?
        for format in formats {
            let match = match((format.type, format.subtype), profile: format.profile, in: accept)
            guard match.quality > 0 else { continue }
            if let current = best, (current.quality, current.specificity) >= (match.quality, match.specificity) { continue }
            best = (format, match.quality, match.specificity)
        }
        return best?.format
    }

    /// The `q` of the most specific range that matches the type (`type/subtype;profile=…` over `type/subtype` over
    /// `type/*` over `*/*`, RFC 9110 §12.5.1), and that specificity (3 to 0); `q` 0 and specificity -1 when none
    /// does. A range's `profile` (RFC 6906: one URI, or several separated by spaces, quoted) matches only a format
    /// with one of those profiles; any other parameter but `q` is ignored.
    static func match(_ type: (main: Substring, sub: Substring), profile: String? = nil,
                      in accept: String) -> (quality: Double, specificity: Int) {
        var best: (quality: Double, specificity: Int) = (0, -1)
        for element in accept.split(separator: ",") {
            let parts = element.split(separator: ";")
            guard let range = parts.first?.trimmingSpaces().lowercased() else { continue }
            let halves = range.split(separator: "/", maxSplits: 1)
            guard halves.count == 2 else { continue }
            var specificity: Int
            switch (halves[0], halves[1]) {
            case (type.main, type.sub): specificity = 2
            case (type.main, "*"): specificity = 1
            case ("*", "*"): specificity = 0
            default: continue
            }
            if let profiles = Self.profiles(parameters: parts.dropFirst()) {
                guard let profile, profiles.contains(Substring(profile)) else { continue }
                specificity = 3
            }
            guard specificity > best.specificity else { continue }
            best = (Self.quality(parameters: parts.dropFirst()), specificity)
        }
        return best
    }

    /// The URIs of a range's `profile` parameter, quotes removed; nil without one.
    private static func profiles(parameters: ArraySlice<Substring>) -> [Substring]? {
        for parameter in parameters {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces().lowercased() == "profile" else { continue }
            var value = pair[1].trimmingSpaces()
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
            return value.split(separator: " ")
        }
        return nil
    }

    /// `q=0.8` among a range's parameters; 1 without one, and for a value that is not a number in 0...1.
    private static func quality(parameters: ArraySlice<Substring>) -> Double {
        for parameter in parameters {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces().lowercased() == "q" else { continue }
            guard let value = Double(pair[1].trimmingSpaces()), (0...1).contains(value) else { return 1 }
            return value
        }
        return 1
    }
}
