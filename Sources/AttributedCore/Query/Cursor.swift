import Foundation

/// The opaque keyset cursor of a list: the last id of a page, base64url-encoded without padding.
/// Any well-formed cursor is a position ("after this id"), so it stays meaningful for a given dataset version.
enum Cursor {
    static func encode(afterId id: String) -> String {
        Data(id.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ cursor: String) throws(Problem) -> [UInt8] {
        let alphabet = cursor.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard alphabet, cursor.utf8.count % 4 != 1, let data = Data(base64Encoded: base64) else {
            throw .invalidParameter("cursor", "query parameter \"cursor\" is not a cursor this server issued")
        }
        return [UInt8](data)
    }
}
