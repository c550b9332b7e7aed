extension TokenFile {
    /// Pretty printed with keys sorted, one token per block, so that the file reads well and diffs by token.
    func encoded() -> [UInt8] {
        var text = "{\n  \"format\": \(Self.quoted(Self.format)),\n  \"tokens\": ["
        for (index, token) in tokens.enumerated() {
            text += index == 0 ? "\n" : ",\n"
            text += "    {\n      \"created\": \(Self.quoted(token.created)),\n      \"name\": \(Self.quoted(token.name)),\n"
            if let publishers = token.publishers {
                text += "      \"publishers\": [\(publishers.map(Self.quoted).joined(separator: ", "))],\n"
            }
            text += "      \"scope\": \(Self.quoted(token.scope.rawValue)),\n"
            text += "      \"sha256\": \(Self.quoted(SHA256Digest.hex(token.sha256)))\n    }"
        }
        text += tokens.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return Array(text.utf8)
    }

    private static func quoted(_ string: String) -> String {
        var bytes: [UInt8] = []
        JSON.writeString(string, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
