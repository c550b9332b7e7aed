import Foundation

/// The opaque keyset cursor of a list, base64url without padding. In id order it holds the last id of a page; in
/// relevance order, a 0 byte (no id starts with one), the last score's exact bit pattern and the last id, so
/// paging stays exact even between equal scores. Any well-formed cursor is a position, so it stays meaningful for a
/// given dataset version; one of the other order's form is a position before the first item.
enum Cursor: Equatable {
    case afterId([UInt8])
    case afterMatch(score: Double, id: [UInt8])

    var encoded: String {
        var bytes: [UInt8]
        switch self {
        case .afterId(let id): bytes = id
        case .afterMatch(let score, let id):
            bytes = [0]
            withUnsafeBytes(of: score.bitPattern.bigEndian) { bytes += $0 }
            bytes += id
        }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ cursor: String) throws(Problem) -> Cursor {
        let alphabet = cursor.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        let invalid = Problem.invalidParameter("cursor", "query parameter \"cursor\" is not a cursor this server issued")
        guard alphabet, cursor.utf8.count % 4 != 1, let data = Data(base64Encoded: base64) else { throw invalid }
        let bytes = [UInt8](data)
        guard bytes.first == 0, bytes.count >= 9 else { return .afterId(bytes) }
        let bits = bytes[1..<9].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return .afterMatch(score: Double(bitPattern: bits), id: Array(bytes[9...]))
    }
}
