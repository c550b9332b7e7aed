/// Reads the members of one JSON object: required keys, keys with defaults, their types, and no unknown keys.
struct RecordReader {
    let values: ValueReader
    let node: JSONNode
    let path: JSONPath
    /// In document order. Records have a handful of keys, so a linear search beats building a dictionary each.
    private let orderedMembers: [JSONMember]

    init?(_ node: JSONNode, _ path: JSONPath, _ values: ValueReader) {
        guard case .object(let members) = node.value else {
            values.report("expected an object, found \(node.typeName)", node, path)
            return nil
        }
        self.values = values
        self.node = node
        self.path = path
        self.orderedMembers = members
    }

    /// The first member with this key (a repeated key is reported by the parser).
    private func member(_ key: String) -> JSONMember? { orderedMembers.first { $0.key == key } }

    func has(_ key: String) -> Bool { member(key) != nil }

    /// The value of a required key, or nil with an issue reported when it is missing.
    func required(_ key: String) -> JSONNode? {
        guard let member = member(key) else {
            values.report("missing required field \"\(key)\"", node, path.appending(key))
            return nil
        }
        return member.value
    }

    func read<T>(_ key: String, _ read: (JSONNode, JSONPath) -> T?) -> T? {
        guard let value = required(key) else { return nil }
        return read(value, path.appending(key))
    }

    /// The value of a key that may be left out: `.some(nil)` when it is, nil when it is there but invalid (reported).
    func optional<T>(_ key: String, _ read: (JSONNode, JSONPath) -> T?) -> T?? {
        guard let member = member(key) else { return .some(nil) }
        guard let value = read(member.value, path.appending(key)) else { return nil }
        return .some(value)
    }

    /// The value of a key that may be left out, which then means `absent`; nil when it is there but invalid.
    func read<T>(_ key: String, default absent: @autoclosure () -> T, _ read: (JSONNode, JSONPath) -> T?) -> T? {
        guard let member = member(key) else { return absent() }
        return read(member.value, path.appending(key))
    }

    /// Reports a problem found after reading, at the key's value.
    func report(_ message: String, at key: String) {
        if let member = member(key) {
            values.report(message, member.value, path.appending(key))
        } else {
            values.report(message, node, path.appending(key))
        }
    }

    /// Reports every key not in `known`; `explain` may give a better message for a key that is known elsewhere.
    /// Records have a handful of keys, so an array of them, searched in order, is the cheapest `known`.
    func rejectUnknownKeys(_ known: some Collection<String>, explain: (String) -> String? = { _ in nil }) {
        for member in orderedMembers where !known.contains(member.key) {
            let message = explain(member.key) ?? "unknown field \"\(member.key)\""
            values.issues.report(message, in: values.file, at: member.keyOffset, path: path.appending(member.key))
        }
    }
}
