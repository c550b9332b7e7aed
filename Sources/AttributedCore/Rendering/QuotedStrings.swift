/// Strings already written as JSON (quoted and escaped), back to back: ids that every claim body repeats are
/// escaped once at load, and rendering a claim only copies their bytes.
struct QuotedStrings: Sendable {
    private let bytes: [UInt8]
    private let offsets: [Int]

    init(_ strings: some Sequence<String>) {
        var bytes: [UInt8] = []
        var offsets = [0]
        for string in strings {
            JSON.writeString(string, into: &bytes)
            offsets.append(bytes.count)
        }
        self.bytes = bytes
        self.offsets = offsets
    }

    func prefetch(_ index: Int) { offsets.prefetch(index) }

    func write(_ index: Int, into out: inout JSONOutput) {
        bytes.withUnsafeBufferPointer { out.raw(UnsafeBufferPointer(rebasing: $0[offsets[index]..<offsets[index + 1]])) }
    }
}

/// A value of a closed vocabulary (`docs/dataset-format.md`), written as a JSON string. The spellings are plain
/// ASCII words (a test checks every one), so they are copied between quotes without an escaping pass.
protocol JSONVocabulary: RawRepresentable<String>, CaseIterable {}

extension ArticleField: JSONVocabulary {}
extension Anonymity: JSONVocabulary {}
extension AttributionMode: JSONVocabulary {}
extension AttributionType: JSONVocabulary {}
extension Factuality: JSONVocabulary {}
extension Derivation: JSONVocabulary {}

extension JSONOutput {
    mutating func vocabulary(_ value: some JSONVocabulary) {
        append(UInt8(ascii: "\""))
        var spelling = value.rawValue
        spelling.withUTF8 { append($0) }
        append(UInt8(ascii: "\""))
    }
}
