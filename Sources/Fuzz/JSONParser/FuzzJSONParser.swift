@testable import AttributedCore
import FuzzSupport

/// Any bytes: the parser returns a tree or a syntax error at an offset inside the input, never crashes (deep
/// nesting included), and an error's offset always has a line and a column, as the loader reports it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    var parser = JSONParser(bytes: bytes)
    let lines = LineIndex(bytes: bytes)
    do {
        let root = try parser.parseDocument()
        check(offsets: root, size: bytes.count)
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
