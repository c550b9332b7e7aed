@testable import AttributedCore
import Testing

/// The string writer skips eight bytes at a time when none needs escaping: it must escape exactly what the plain
/// byte-by-byte rule escapes, wherever the byte stands.
@Suite struct JSONWriterTests {
    static func reference(_ string: String) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += Array(#"\""#.utf8)
            case UInt8(ascii: "\\"): output += Array(#"\\"#.utf8)
            case 0x0A: output += Array(#"\n"#.utf8)
            case 0x0D: output += Array(#"\r"#.utf8)
            case 0x09: output += Array(#"\t"#.utf8)
            case 0..<0x20: output += Array(String(format: "\\u%04x", byte).utf8)
            default: output.append(byte)
            }
        }
        return output + [UInt8(ascii: "\"")]
    }

    @Test func everySpecialByteAtEveryPositionOfAWord() {
        let specials: [Character] = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", " ", "é", "😀", "!", "#", "]", "\u{1}"]
        for special in specials {
            for position in 0..<20 {
                let string = String(repeating: "a", count: position) + String(special) + String(repeating: "b", count: 19 - position)
                var output: [UInt8] = []
                JSON.writeString(string, into: &output)
                #expect(output == Self.reference(string), "\(special.debugDescription) at \(position)")
            }
        }
    }

    @Test func randomStrings() {
        var state: UInt64 = 0x1234_5678
        let alphabet = Array("ab \"\\\n\t\u{0}\u{1F}é€😀xyz0123456789-_/".unicodeScalars)
        for _ in 0..<500 {
            var scalars = String.UnicodeScalarView()
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 58) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                scalars.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let string = String(scalars)
            var output: [UInt8] = []
            JSON.writeString(string, into: &output)
            #expect(output == Self.reference(string))
        }
    }
}

/// Vocabulary values are written between quotes without escaping: each must be a plain word.
@Suite struct VocabularySpellingTests {
    static func plain<V: JSONVocabulary>(_: V.Type) -> Bool {
        V.allCases.allSatisfy { value in
            var output: [UInt8] = []
            JSON.writeString(value.rawValue, into: &output)
            return output == [UInt8(ascii: "\"")] + Array(value.rawValue.utf8) + [UInt8(ascii: "\"")]
        }
    }

    @Test func everySpellingNeedsNoEscaping() {
        #expect(Self.plain(ArticleField.self))
        #expect(Self.plain(Anonymity.self))
        #expect(Self.plain(AttributionMode.self))
        #expect(Self.plain(AttributionType.self))
        #expect(Self.plain(Factuality.self))
        #expect(Self.plain(Derivation.self))
    }

    /// Numbers are written digit by digit into the buffer: they must read as Swift's own decimal form.
    @Test(arguments: [0, 7, 9, 10, 11, 99, 100, 482, 65_535, 1_000_000, -1, -10, -4_096, Int.max, Int.min])
    func integersAreTheirDecimalForm(value: Int) {
        var output = JSONOutput(capacity: 8)
        output.int(value)
        #expect(String(decoding: output.bytes, as: UTF8.self) == String(value))
    }
}
