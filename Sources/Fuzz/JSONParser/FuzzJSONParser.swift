@testable import AttributedCore
import FuzzSupport

/// Any bytes: the parser returns a tree or a syntax error at an offset inside the input, never crashes (deep
/// nesting included), and an error's offset always has a line and a column, as the loader reports it. A tree
/// written back by the JSON writer (compact and spaced, as the API and `attributed fmt` write) parses to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    var parser = JSONParser(bytes: bytes)
    let lines = LineIndex(bytes: bytes)
    do {
        let root = try parser.parseDocument()
        check(offsets: root, size: bytes.count)
        for spaced in [false, true] {
            var written: [UInt8] = []
            json(root).write(into: &written, spaced: spaced)
            var again = JSONParser(bytes: written)
            let reparsed = try? again.parseDocument()
            check(reparsed.map { same(root, $0) } ?? false, "written back as \(String(decoding: written, as: UTF8.self).debugDescription), it parses otherwise")
        }
    } catch {
        check(error.offset >= 0 && error.offset <= bytes.count, "syntax error offset \(error.offset) outside 0...\(bytes.count)")
        let (line, column) = lines.location(of: error.offset)
        check(line >= 1 && column >= 1, "no location for offset \(error.offset)")
    }
    for duplicate in parser.duplicateKeys {
        check(duplicate.offset >= 0 && duplicate.offset < bytes.count, "duplicate key offset \(duplicate.offset) outside the input")
    }
    return 0
}

/// Every value and key starts inside the input.
private func check(offsets node: JSONNode, size: Int) {
    check(node.offset >= 0 && node.offset < size, "value offset \(node.offset) outside the input")
    switch node.value {
    case .array(let elements): for element in elements { check(offsets: element, size: size) }
    case .object(let members):
        for member in members {
            check(member.keyOffset >= 0 && member.keyOffset < size, "key offset \(member.keyOffset) outside the input")
            check(offsets: member.value, size: size)
        }
    default: break
    }
}

/// The parsed tree as the writer's value; a number keeps its literal.
private func json(_ node: JSONNode) -> JSON {
    switch node.value {
    case .null: .null
    case .bool(let value): .bool(value)
    case .number(let literal): .raw(Array(literal.utf8))
    case .string(let value): .string(value)
    case .array(let elements): .array(elements.map(json))
    case .object(let members): .object(members.map { ($0.key, json($0.value)) })
    }
}

/// The same values, wherever they are.
private func same(_ a: JSONNode, _ b: JSONNode) -> Bool {
    switch (a.value, b.value) {
    case (.null, .null): true
    case (.bool(let x), .bool(let y)): x == y
    case (.number(let x), .number(let y)): x == y
    case (.string(let x), .string(let y)): Array(x.utf8) == Array(y.utf8)
    case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    case (.object(let x), .object(let y)):
        x.count == y.count && zip(x, y).allSatisfy { Array($0.key.utf8) == Array($1.key.utf8) && same($0.value, $1.value) }
    default: false
    }
}
