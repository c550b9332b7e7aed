extension TokenFile {
    /// The file's tokens, or the first problem found, as "PATH:LINE:COLUMN: $.tokens[2].scope: what is wrong".
    /// Strict: unknown keys and duplicate keys are errors too, since a misspelt "publishers" would otherwise
    /// silently let a token write for every publisher.
    static func decode(_ bytes: [UInt8], path: String) throws(TokenFileError) -> TokenFile {
        let reader = TokenFileReader(bytes: bytes, path: path)
        var parser = JSONParser(bytes: bytes)
        let root: JSONNode
        do {
            root = try parser.parseDocument()
        } catch {
            throw reader.error(at: error.offset, "", error.message)
        }
        if let duplicate = parser.duplicateKeys.first { throw reader.error(at: duplicate.offset, "", duplicate.message) }
        return try reader.file(root)
    }
}

/// Turns a parsed tokens file into records, each error pointing at the value it is about.
private struct TokenFileReader {
    let bytes: [UInt8]
    let path: String

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    func file(_ root: JSONNode) throws(TokenFileError) -> TokenFile {
        let members = try object(root, "$", keys: ["format", "tokens"], required: ["format", "tokens"])
        let format = try string(members["format"]!, "$.format")
        guard format == TokenFile.format else {
            throw error(at: members["format"]!.offset, "$.format",
                        "expected \"\(TokenFile.format)\", found \"\(format)\" (not a tokens file, or a newer one)")
        }
        guard case .array(let elements) = members["tokens"]!.value else {
            throw error(at: members["tokens"]!.offset, "$.tokens", "expected an array, found \(members["tokens"]!.typeName)")
        }
        var tokens: [TokenRecord] = []
        var names: Set<String> = []
        for (index, element) in elements.enumerated() {
            let record = try token(element, "$.tokens[\(index)]")
            guard names.insert(record.name).inserted else {
                throw error(at: element.offset, "$.tokens[\(index)].name", "a second token named \"\(record.name)\"")
            }
            tokens.append(record)
        }
        return TokenFile(tokens: tokens)
    }

    private func token(_ node: JSONNode, _ path: String) throws(TokenFileError) -> TokenRecord {
        let members = try object(node, path, keys: ["name", "scope", "publishers", "sha256", "created"],
                                 required: ["name", "scope", "sha256", "created"])
        let name = try string(members["name"]!, "\(path).name")
        if let problem = TokenRules.problem(withName: name) { throw error(at: members["name"]!.offset, "\(path).name", problem) }

        let scopeText = try string(members["scope"]!, "\(path).scope")
        guard let scope = TokenScope(rawValue: scopeText) else {
            let known = TokenScope.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
            throw error(at: members["scope"]!.offset, "\(path).scope", "expected \(known), found \"\(scopeText)\"")
        }

        var publishers: [String]?
        if let node = members["publishers"] {
            publishers = try stringsOrNull(node, "\(path).publishers")
            if let problem = TokenRules.problem(withPublishers: publishers, scope: scope) {
                throw error(at: node.offset, "\(path).publishers", problem)
            }
        }

        let hex = try string(members["sha256"]!, "\(path).sha256")
        guard let sha256 = SHA256Digest.bytes(fromHex: hex) else {
            throw error(at: members["sha256"]!.offset, "\(path).sha256", "expected 64 hex digits (a SHA-256 hash)")
        }
        let created = try string(members["created"]!, "\(path).created")
        return TokenRecord(name: name, scope: scope, publishers: publishers, sha256: sha256, created: created)
    }

    // MARK: Values

    private func object(_ node: JSONNode, _ path: String, keys: Set<String>, required: [String])
        throws(TokenFileError) -> [String: JSONNode] {
        guard case .object(let members) = node.value else {
            throw error(at: node.offset, path, "expected an object, found \(node.typeName)")
        }
        var values: [String: JSONNode] = [:]
        for member in members {
            guard keys.contains(member.key) else {
                throw error(at: member.keyOffset, path, "unknown key \"\(member.key)\" (known: \(keys.sorted().joined(separator: ", ")))")
            }
            values[member.key] = member.value
        }
        for key in required where values[key] == nil {
            throw error(at: node.offset, path, "missing required key \"\(key)\"")
        }
        return values
    }

    private func string(_ node: JSONNode, _ path: String) throws(TokenFileError) -> String {
        guard case .string(let text) = node.value else {
            throw error(at: node.offset, path, "expected a string, found \(node.typeName)")
        }
        return text
    }

    /// null (any publisher, as when the key is left out) or an array of strings.
    private func stringsOrNull(_ node: JSONNode, _ path: String) throws(TokenFileError) -> [String]? {
        switch node.value {
        case .null:
            return nil
        case .array(let elements):
            var strings: [String] = []
            for (index, element) in elements.enumerated() { strings.append(try string(element, "\(path)[\(index)]")) }
            return strings
        default:
            throw error(at: node.offset, path, "expected an array of publisher ids or null, found \(node.typeName)")
        }
    }

    func error(at offset: Int, _ jsonPath: String, _ message: String) -> TokenFileError {
        let (line, column) = LineIndex(bytes: bytes).location(of: offset)
        return TokenFileError("\(path):\(line):\(column): \(jsonPath.isEmpty ? "" : "\(jsonPath): ")\(message)")
    }
}
