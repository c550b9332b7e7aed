/// What the tokens file accepts, checked alike when a token is created and when the file is read, so that a file
/// edited by hand is held to the same rules as one written by `attributed token`.
enum TokenRules {
    static let maximumNameLength = 64

    /// nil when the name is acceptable, otherwise why not. Names go into logs and onto command lines: a short
    /// set of characters keeps them free of spaces, quotes and control characters.
    static func problem(withName name: String) -> String? {
        let utf8 = name.utf8
        guard !utf8.isEmpty, utf8.count <= maximumNameLength else {
            return "a token name has 1 to \(maximumNameLength) characters (\"\(name)\" has \(name.count))"
        }
        guard utf8.allSatisfy(isNameByte) else {
            return "a token name is made of A-Z, a-z, 0-9, '.', '_' and '-' (not \"\(name)\")"
        }
        return nil
    }

    /// nil when the restriction is acceptable, otherwise why not.
    static func problem(withPublishers publishers: [String]?, scope: TokenScope) -> String? {
        guard let publishers else { return nil }
        guard scope == .write else { return "publishers restrict what a token writes: only a write token has them" }
        guard !publishers.isEmpty else {
            return "an empty publisher list would allow no publisher at all; leave it out to allow any"
        }
        for publisher in publishers {
            guard !publisher.isEmpty, !publisher.unicodeScalars.contains(where: isSeparatorOrControl) else {
                return "a publisher id is a non-empty entity id without spaces, commas or control characters (not \"\(publisher)\")"
            }
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    private static func isSeparatorOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control || scalar == ","
    }
}
