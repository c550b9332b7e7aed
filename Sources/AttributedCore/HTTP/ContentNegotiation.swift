/// Reads an `Accept` header (RFC 9110 §12.5.1): which format a data route sends, and whether `/` sends a browser
/// to the explorer. Browsers list `text/html` first and everything else at a lower `q`; curl sends `*/*`, which
/// ranks both alike, and then JSON wins.
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
            let match = match((format.type, format.subtype), in: accept)
            guard match.quality > 0 else { continue }
            if let current = best, (current.quality, current.specificity) >= (match.quality, match.specificity) { continue }
            best = (format, match.quality, match.specificity)
        }
        return best?.format
    }

    /// The `q` of the most specific range that matches the type (`type/subtype` over `type/*` over `*/*`, RFC 9110
    /// §12.5.1), and that specificity (2, 1, 0); `q` 0 and specificity -1 when none does.
    static func match(_ type: (main: Substring, sub: Substring), in accept: String) -> (quality: Double, specificity: Int) {
        var best: (quality: Double, specificity: Int) = (0, -1)
        for element in accept.split(separator: ",") {
            let parts = element.split(separator: ";")
            guard let range = parts.first?.trimmingSpaces().lowercased() else { continue }
            let halves = range.split(separator: "/", maxSplits: 1)
            guard halves.count == 2 else { continue }
            let specificity: Int
            switch (halves[0], halves[1]) {
            case (type.main, type.sub): specificity = 2
            case (type.main, "*"): specificity = 1
            case ("*", "*"): specificity = 0
            default: continue
            }
            guard specificity > best.specificity else { continue }
            best = (Self.quality(parameters: parts.dropFirst()), specificity)
        }
        return best
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
