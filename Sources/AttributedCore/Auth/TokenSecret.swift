import CCrypto

/// A token's secret: 32 random bytes (256 bits, beyond guessing, so a single unsalted SHA-256 is enough to store
/// it), written `atd_` + base64url without padding. The prefix lets secret scanners and people recognise one.
enum TokenSecret {
    static let prefix = "atd_"
    static let randomByteCount = 32

    static func generate() -> String {
        prefix + base64URL(randomBytes())
    }

    /// From libcrypto's CSPRNG; from the standard library's (the system's own, getrandom) only if that fails.
    static func randomBytes() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: randomByteCount)
        let filled = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) == 1 }
        if !filled {
            var generator = SystemRandomNumberGenerator()
            for index in bytes.indices { bytes[index] = generator.next() }
        }
        return bytes
    }

    /// RFC 4648 §5, no padding: only characters that RFC 6750's b64token allows and URLs and shells leave alone.
    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var text: [UInt8] = []
        text.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let remaining = min(3, bytes.count - index)
            var group = UInt32(bytes[index]) << 16
            if remaining > 1 { group |= UInt32(bytes[index + 1]) << 8 }
            if remaining > 2 { group |= UInt32(bytes[index + 2]) }
            for position in 0...remaining {
                text.append(alphabet[Int(group >> (18 - 6 * UInt32(position)) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: text, as: UTF8.self)
    }
}
