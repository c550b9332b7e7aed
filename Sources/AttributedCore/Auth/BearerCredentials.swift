/// The token in an `Authorization` header: "Bearer <token>" (RFC 6750 §2.1). The scheme is matched without regard
/// to case (RFC 9110 §11.1); one or more spaces may follow it, and blanks around the whole value are ignored, as
/// HTTP's optional whitespace. The token must be a b64token: letters, digits, "-._~+/", then any "=".
public enum BearerCredentials {
    public static func token(fromAuthorization value: String?) -> String? {
        guard let value else { return nil }
        var bytes = value.utf8[...]
        while let first = bytes.first, isBlank(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, isBlank(last) { bytes = bytes.dropLast() }

        let scheme = bytes.prefix { $0 != UInt8(ascii: " ") }
        guard scheme.count == 6, zip(scheme, "bearer".utf8).allSatisfy({ $0 | 0x20 == $1 }) else { return nil }
        var token = bytes.dropFirst(scheme.count)
        guard token.first == UInt8(ascii: " ") else { return nil }
        while token.first == UInt8(ascii: " ") { token = token.dropFirst() }

        guard isB64Token(token) else { return nil }
        return String(decoding: token, as: UTF8.self)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    private static func isB64Token(_ bytes: Substring.UTF8View) -> Bool {
        let body = bytes.prefix(while: isB64Character)
        guard !body.isEmpty else { return false }
        return bytes.dropFirst(body.count).allSatisfy { $0 == UInt8(ascii: "=") }
    }

    private static func isB64Character(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }
}
