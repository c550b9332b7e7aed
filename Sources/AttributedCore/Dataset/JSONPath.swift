/// Where a value stands in its document, rendered as `$.claims[3].chain[1].source` only when an issue is reported.
indirect enum JSONPath: Sendable, CustomStringConvertible {
    case root
    case key(JSONPath, String)
    case index(JSONPath, Int)

    func appending(_ key: String) -> JSONPath { .key(self, key) }
    func appending(_ index: Int) -> JSONPath { .index(self, index) }

    var description: String {
        switch self {
        case .root: return "$"
        case .index(let parent, let index): return "\(parent)[\(index)]"
        case .key(let parent, let key):
            let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
            return plain ? "\(parent).\(key)" : "\(parent)[\"\(key)\"]"
        }
    }
}
