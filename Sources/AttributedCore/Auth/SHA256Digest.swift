import CCrypto

/// SHA-256 through libcrypto, and the hex form the tokens file writes it in.
enum SHA256Digest {
    static let byteCount = 32

    static func hash(_ text: String) -> [UInt8] {
        var text = text
        var digest = [UInt8](repeating: 0, count: byteCount)
        text.withUTF8 { utf8 in
            // An empty string may have no address: libcrypto reads nothing for a length of 0.
            digest.withUnsafeMutableBufferPointer { _ = SHA256(utf8.baseAddress, utf8.count, $0.baseAddress) }
        }
        return digest
    }

    /// Lowercase, as the tokens file writes them; read in either case.
    private static let digits = Array("0123456789abcdef".utf8)

    static func hex(_ digest: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The 32 bytes written as 64 hex digits (either case), or nil.
    static func bytes(fromHex text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8.lazy.map { $0 &- UInt8(ascii: "A") < 6 ? $0 | 0x20 : $0 })
        guard utf8.count == byteCount * 2 else { return nil }
        var digest: [UInt8] = []
        digest.reserveCapacity(byteCount)
        for index in stride(from: 0, to: utf8.count, by: 2) {
            guard let high = digits.firstIndex(of: utf8[index]), let low = digits.firstIndex(of: utf8[index + 1]) else {
                return nil
            }
            digest.append(UInt8(high << 4 | low))
        }
        return digest
    }
}
