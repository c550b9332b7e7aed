/// Reads an `Accept` header (RFC 9110 §12.5.1) for the one choice the server makes by it: whether `/` sends a
/// browser to the explorer. Browsers list `text/html` first and everything else at a lower `q`; curl sends `*/*`,
/// which ranks both alike, and then JSON wins.
enum ContentNegotiation {
    static func prefersHTML(_ accept: String?) -> Bool {
        guard let accept else { return false }
        return quality(of: ("text", "html"), in: accept) > quality(of: ("application", "json"), in: accept)
    }

    /// The `q` of the most specific range that matches the type (`type/subtype` over `type/*` over `*/*`); 0 when
    /// none does.
    static func quality(of type: (main: Substring, sub: Substring), in accept: String) -> Double {
        var best: (specificity: Int, quality: Double) = (-1, 0)
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
            best = (specificity, Self.quality(parameters: parts.dropFirst()))
        }
        return best.quality
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
