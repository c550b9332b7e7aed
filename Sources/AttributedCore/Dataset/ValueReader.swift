/// Reads typed values out of JSON nodes, reporting every mismatch with its position and path.
/// Each read returns nil when the value is invalid (the issue is already reported).
struct ValueReader {
    let file: SourceFile
    let issues: IssueCollector

    func report(_ message: String, _ node: JSONNode, _ path: JSONPath) {
        issues.report(message, in: file, at: node.offset, path: path)
    }

    func string(_ node: JSONNode, _ path: JSONPath, allowEmpty: Bool = false) -> String? {
        guard case .string(let value) = node.value else {
            report("expected a string, found \(node.typeName)", node, path)
            return nil
        }
        if !allowEmpty, value.isEmpty {
            report("must not be empty", node, path)
            return nil
        }
        return value
    }

    /// A required value that may be null: `.some(nil)` is a valid null, `nil` is invalid.
    func nullable<T>(_ node: JSONNode, _ path: JSONPath, _ read: (JSONNode, JSONPath) -> T?) -> T?? {
        if case .null = node.value { return .some(nil) }
        guard let value = read(node, path) else { return nil }
        return .some(value)
    }

    func int(_ node: JSONNode, _ path: JSONPath, minimum: Int = 0) -> Int? {
        guard case .number(let literal) = node.value else {
            report("expected an integer, found \(node.typeName)", node, path)
            return nil
        }
        guard let value = Int(literal) else {
            report("expected an integer, found \(literal)", node, path)
            return nil
        }
        guard value >= minimum else {
            report("must be at least \(minimum), found \(value)", node, path)
            return nil
        }
        return value
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ node: JSONNode, _ path: JSONPath) -> E? where E.RawValue == String {
        guard let raw = string(node, path, allowEmpty: true) else { return nil }
        guard let value = E(rawValue: raw) else {
            let allowed = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            report("\"\(raw)\" is not one of \(allowed)", node, path)
            return nil
        }
        return value
    }

    func id(_ node: JSONNode, _ path: JSONPath) -> String? {
        guard let value = string(node, path, allowEmpty: true) else { return nil }
        guard Identifier.isValid(value) else {
            report("\"\(value)\" is not a valid id (letters, digits, '.', '_', '-'; starting with a letter or digit; at most 128)", node, path)
            return nil
        }
        return value
    }

    func array<T>(_ node: JSONNode, _ path: JSONPath, _ element: (JSONNode, JSONPath) -> T?) -> [T]? {
        guard case .array(let elements) = node.value else {
            report("expected an array, found \(node.typeName)", node, path)
            return nil
        }
        var values: [T] = []
        var valid = true
        for (index, elementNode) in elements.enumerated() {
            if let value = element(elementNode, path.appending(index)) { values.append(value) } else { valid = false }
        }
        return valid ? values : nil
    }

    /// An array of distinct strings: a repeated alias or reference is a mistake, not emphasis.
    func distinctStrings(_ node: JSONNode, _ path: JSONPath, _ element: (JSONNode, JSONPath) -> String?) -> [String]? {
        guard let values = array(node, path, element), case .array(let nodes) = node.value else { return nil }
        var seen = Set<String>()
        var valid = true
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            report("\"\(value)\" is listed twice", nodes[index], path.appending(index))
            valid = false
        }
        return valid ? values : nil
    }

    /// Checks a string against a syntax rule, e.g. a date or a language tag.
    func formatted(_ node: JSONNode, _ path: JSONPath, _ rule: TextFormat) -> String? {
        guard let value = string(node, path) else { return nil }
        guard rule.matches(value) else {
            report("\"\(value)\" is not \(rule.description)", node, path)
            return nil
        }
        return value
    }
}

enum Identifier {
    static func isValid(_ id: String) -> Bool {
        var id = id
        // Over the contiguous bytes: stepping the UTF-8 view cost ~1,200 instructions a claim at load; a table of
        // the allowed bytes costs a load and a test each.
        return id.withUTF8 { bytes in
            guard let first = bytes.first, bytes.count <= 128, classes[Int(first)] == 2 else { return false }
            var allowed = true
            for byte in bytes { allowed = allowed && classes[Int(byte)] != 0 }
            return allowed
        }
    }

    /// Per byte: 2 for a letter or digit (which may start an id), 1 for `.`, `_` and `-`, 0 for anything else.
    private static let classes: [UInt8] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): 2
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"): 1
        default: 0
        }
    }
}
