import Foundation
import Testing
@testable import AttributedCore

/// Parses bytes, returning the root or the syntax error.
private func parse(_ bytes: [UInt8]) -> Result<JSONNode, JSONParser.SyntaxError> {
    var parser = JSONParser(bytes: bytes)
    do { return .success(try parser.parseDocument()) } catch { return .failure(error) }
}

private func parse(_ text: String) -> Result<JSONNode, JSONParser.SyntaxError> { parse(Array(text.utf8)) }

private func syntaxError(_ bytes: [UInt8]) -> JSONParser.SyntaxError? {
    if case .failure(let error) = parse(bytes) { return error }
    return nil
}

private func syntaxError(_ text: String) -> JSONParser.SyntaxError? { syntaxError(Array(text.utf8)) }

/// The string of a document that is a single JSON string, or nil.
private func string(_ json: String) -> String? {
    guard case .success(let node) = parse(json), case .string(let value) = node.value else { return nil }
    return value
}

private func number(_ json: String) -> String? {
    guard case .success(let node) = parse(json), case .number(let literal) = node.value else { return nil }
    return literal
}

@Suite("JSON parser")
struct JSONParserTests {
    // MARK: Strings and escapes

    @Test func simpleEscapes() {
        #expect(string(#""\"\\\/\b\f\n\r\t""#) == "\"\\/\u{8}\u{C}\n\r\t")
    }

    @Test func unicodeEscapesInEitherCase() {
        #expect(string(#""\u00e9\u00E9\u20AC\u0000""#) == "\u{E9}\u{E9}\u{20AC}\u{0}")
    }

    @Test func surrogatePairsJoinIntoOneScalar() throws {
        let value = try #require(string(#""\uD83D\uDE00 \ud83c\uddf5\ud83c\uddf0""#))
        #expect(value.unicodeScalars.map(\.value) == [0x1F600, 0x20, 0x1F1F5, 0x1F1F0])
        #expect(value == "😀 🇵🇰")
    }

    @Test func escapedCombiningMarksStayDecomposed() throws {
        let value = try #require(string(#""e\u0301""#))
        #expect(value.unicodeScalars.map(\.value) == [0x65, 0x301])
    }

    @Test func rawUTF8IsKeptScalarForScalar() throws {
        let value = try #require(string("\"“é” e\u{301} 😀\""))
        #expect(Array(value.unicodeScalars) == Array("“é” e\u{301} 😀".unicodeScalars))
    }

    @Test(arguments: [
        #""\uD800""#,          // high surrogate at the end of the string
        #""\uDC00""#,          // low surrogate alone
        #""\uD800x""#,         // high surrogate followed by a plain character
        #""\uD800\u0041""#,    // high surrogate followed by a non-surrogate escape
        #""\uD800\uD800""#,    // two high surrogates
        #""\uDE00\uD83D""#,    // a pair in the wrong order
        #""\uD800\n""#,        // high surrogate followed by another escape
    ])
    func loneSurrogatesAreRejected(_ json: String) throws {
        let error = try #require(syntaxError(json))
        #expect(error.message.contains("surrogate"))
    }

    @Test(arguments: [#""\x""#, #""\U0041""#, #""\u12""#, #""\u12G4""#, #""\"#, #""abc"#])
    func badEscapesAndUnterminatedStringsAreRejected(_ json: String) {
        #expect(syntaxError(json) != nil)
    }

    @Test(arguments: [UInt8(0x00), 0x01, 0x09, 0x0A, 0x0D, 0x1F])
    func rawControlCharactersInAStringAreRejected(_ control: UInt8) throws {
        let bytes: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "a"), control, UInt8(ascii: "b"), UInt8(ascii: "\"")]
        let error = try #require(syntaxError(bytes))
        #expect(error.offset == 2)  // at the control character itself
        #expect(error.message.contains("control character"))
    }

    @Test func deleteIsNotAControlCharacterForJSON() {
        #expect(string("\"a\u{7F}b\"") == "a\u{7F}b")
    }

    // MARK: Invalid UTF-8

    @Test(arguments: [
        [0xFF] as [UInt8],            // never valid
        [0xC0, 0xAF],                 // overlong '/'
        [0xED, 0xA0, 0x80],           // a UTF-16 surrogate encoded in UTF-8
        [0xE2, 0x80],                 // truncated sequence
        [0x80],                       // lone continuation byte
        [0xF4, 0x90, 0x80, 0x80],     // past U+10FFFF
    ])
    func invalidUTF8InAStringIsRejected(_ bad: [UInt8]) throws {
        let bytes = Array("[\"a".utf8) + bad + Array("b\"]".utf8)
        let error = try #require(syntaxError(bytes))
        #expect(error.message.contains("UTF-8"))
    }

    @Test
    func invalidUTF8IsReportedInsideTheString() throws {
        // [ " a 0xFF b " ]  — the bad byte is at offset 3, the string starts at 1 and its closing quote is at 5.
        let bytes = Array("[\"a".utf8) + [0xFF] + Array("b\"]".utf8)
        let error = try #require(syntaxError(bytes))
        #expect((1...3).contains(error.offset), "offset \(error.offset)")
    }

    @Test func invalidUTF8OutsideAStringIsRejected() throws {
        let error = try #require(syntaxError([UInt8(ascii: "["), 0xFF, UInt8(ascii: "]")]))
        #expect(error.offset == 1)
        #expect(error.message == "unexpected character 0xFF, expected a value")
    }

    @Test func aByteOrderMarkIsTolerated() {
        guard case .success(let node) = parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) else {
            Issue.record("a UTF-8 BOM should be skipped")
            return
        }
        #expect(node.offset == 3)
    }

    // MARK: Numbers

    @Test(arguments: ["0", "-0", "10", "0.5", "-12.25", "1e5", "1E+5", "-1.5e-3", "123456789012345678901234567890"])
    func validNumbersKeepTheirLiteral(_ json: String) {
        #expect(number(json) == json)
    }

    @Test(arguments: ["01", "-01", "00", "[01]", "{\"a\": 007}", "1.", ".5", "+1", "-", "1e", "1e+", "0x10", "NaN",
                      "Infinity", "--1", "1.2.3"])
    func invalidNumbersAreRejected(_ json: String) {
        #expect(syntaxError(json) != nil)
    }

    @Test func leadingZeroIsReportedAfterTheZero() throws {
        let error = try #require(syntaxError("[01]"))
        #expect(error.offset == 2)
        #expect(error.message == "expected ',' or ']' in an array")
    }

    // MARK: Structure

    @Test(arguments: ["", "   ", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{a:1}", "{'a':1}", "[", "{", "]", "tru",
                      "nul", "True", "[] []", "{} x", "\"a\" \"b\"", "[1,,2]", "{,}"])
    func malformedDocumentsAreRejected(_ json: String) {
        #expect(syntaxError(json) != nil)
    }

    @Test func anyValueMayBeTheTopLevel() {
        for json in ["null", "true", "false", "1", "\"s\"", "[]", "{}", " \n\t\r[ ] \n"] {
            if case .failure(let error) = parse(json) { Issue.record("\(json.debugDescription): \(error.message)") }
        }
    }

    @Test func nodesRememberTheirByteOffsets() throws {
        let json = "{\"é\": [1, \"x\"], \"b\": null}"
        guard case .success(let root) = parse(json), case .object(let members) = root.value else {
            Issue.record("not parsed")
            return
        }
        #expect(root.offset == 0)
        #expect(members.map(\.key) == ["é", "b"])
        #expect(members.map(\.keyOffset) == [1, 17])
        #expect(members[0].value.offset == 7)     // é is two bytes
        guard case .array(let elements) = members[0].value.value else {
            Issue.record("not an array")
            return
        }
        #expect(elements.map(\.offset) == [8, 11])
        #expect(members[1].value.offset == 22)
    }

    // MARK: Depth

    @Test func tenThousandNestedArraysGiveAnErrorNotACrash() throws {
        let error = try #require(syntaxError(String(repeating: "[", count: 10_000)))
        #expect(error.message.contains("nesting deeper than"))
        #expect(error.offset <= 10_000)
    }

    @Test func tenThousandNestedObjectsGiveAnErrorNotACrash() throws {
        let json = String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        let error = try #require(syntaxError(json))
        #expect(error.message.contains("nesting deeper than"))
    }

    @Test func closedDeepNestingIsRejectedToo() throws {
        let json = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(syntaxError(json) != nil)
    }

    @Test func moderateNestingIsAccepted() {
        let json = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        if case .failure(let error) = parse(json) { Issue.record("\(error.message)") }
    }

    // MARK: Duplicate keys

    @Test func duplicateKeysAreCollectedNotFatal() throws {
        let json = "{\"a\": 1, \"b\": {\"a\": 2, \"c\": 3, \"c\": 4}, \"a\": 5}"
        var parser = JSONParser(bytes: Array(json.utf8))
        let root = try parser.parseDocument()
        guard case .object(let members) = root.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "b", "a"])  // both kept, in order: the loader decides
        #expect(parser.duplicateKeys.map(\.message) == ["duplicate key \"c\" in one object", "duplicate key \"a\" in one object"])
        #expect(parser.duplicateKeys.map(\.offset) == [json.utf8.distance(from: json.utf8.startIndex, to: json.range(of: "\"c\": 4")!.lowerBound),
                                                     json.utf8.distance(from: json.utf8.startIndex, to: json.range(of: "\"a\": 5")!.lowerBound)])
    }

    @Test func theSameKeyInDifferentObjectsIsNoDuplicate() throws {
        var parser = JSONParser(bytes: Array("[{\"a\": 1}, {\"a\": 2}, {\"b\": {\"a\": 3}, \"a\": 4}]".utf8))
        _ = try parser.parseDocument()
        #expect(parser.duplicateKeys.isEmpty)
    }

    @Test func keysAreComparedAfterUnescaping() throws {
        var parser = JSONParser(bytes: Array(#"{"a": 1, "\u0061": 2}"#.utf8))
        _ = try parser.parseDocument()
        #expect(parser.duplicateKeys.map(\.message) == ["duplicate key \"a\" in one object"])
    }

    // MARK: Line index

    @Test func linesAndColumnsAreOneBased() {
        let bytes = Array("ab\ncd\n\nef".utf8)
        let index = LineIndex(bytes: bytes)
        #expect(index.location(of: 0) == (1, 1))
        #expect(index.location(of: 1) == (1, 2))
        #expect(index.location(of: 2) == (1, 3))   // the newline itself ends line 1
        #expect(index.location(of: 3) == (2, 1))
        #expect(index.location(of: 6) == (3, 1))
        #expect(index.location(of: 7) == (4, 1))
        #expect(index.location(of: 8) == (4, 2))
        #expect(index.location(of: bytes.count) == (4, 3))  // end of input, for "unexpected end" errors
    }

    @Test func columnsCountUnicodeScalarsNotBytes() {
        // “ (3 bytes) é (2) 😀 (4) e + U+0301 (1 + 2) then x: x is the 6th scalar of line 2, at byte 13.
        let text = "\n“é😀e\u{301}x"
        let bytes = Array(text.utf8)
        let x = bytes.firstIndex(of: UInt8(ascii: "x"))!
        #expect(x == 13)
        #expect(LineIndex(bytes: bytes).location(of: x) == (2, 6))
    }

    /// A minified file is one long line: every column there, across the index's blocks and with multibyte scalars
    /// straddling their edges, is what counting from the line's start gives, at a cost of at most two partial blocks.
    @Test func columnsDeepInALongLineAreExactAndCostTwoBlocksAtMost() {
        var bytes = Array("\u{FEFF}x\n".utf8)
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "é", "“", "😀", "🇵🇰", " ", "\"", ":"].map { Array($0.utf8) }
        while bytes.count < 5 * LineIndex.blockSize + 123 { bytes += pieces.randomElement(using: &generator)! }
        bytes += Array("\nlast".utf8)
        let index = LineIndex(bytes: bytes)
        let lineTwo = 5  // after the byte order mark (3 bytes), "x" and the newline
        for offset in [0, 1, 3, 4, lineTwo, lineTwo + 1, LineIndex.blockSize - 1, LineIndex.blockSize, LineIndex.blockSize + 1,
                       3 * LineIndex.blockSize + 7, bytes.count - 6, bytes.count - 5, bytes.count - 1, bytes.count] {
            let lineStart = offset < lineTwo ? min(3, offset) : offset <= bytes.count - 5 ? lineTwo : bytes.count - 4
            let naive = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
            let located = index.locate(offset)
            let line = offset < lineTwo ? 1 : offset <= bytes.count - 5 ? 2 : 3
            #expect(located.line == line && located.column == naive, "offset \(offset)")
            #expect(located.bytesRead < 2 * LineIndex.blockSize, "offset \(offset)")
        }
    }

    @Test func aSyntaxErrorAfterMultibyteTextIsLocatedInScalars() throws {
        let text = "{\"a\": \"“🇵🇰” é\" \"b\": 1}"
        let bytes = Array(text.utf8)
        let error = try #require(syntaxError(bytes))
        let location = LineIndex(bytes: bytes).location(of: error.offset)
        let expectedColumn = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex,
                                                          to: text.range(of: "\"b\"")!.lowerBound) + 1
        #expect(expectedColumn == 16)
        #expect(location == (1, 16))
        #expect(error.message == "expected ',' or '}' in an object")
    }

    @Test func theLoaderReportsSyntaxErrorsWithLineAndColumn() {
        let bytes = Array("{\n  \"format\": \"attributed-dataset/1\",\n  \"notes\": \"“x”\" nope\n}\n".utf8)
        do {
            _ = try DatasetLoader.load(files: [("x.json", bytes)])
            Issue.record("loaded")
        } catch {
            #expect(error.issues.map(\.description) == ["x.json:3:18: invalid JSON: expected ',' or '}' in an object"])
        }
    }

    @Test
    func aByteOrderMarkIsNotAColumn() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("[]".utf8)
        do {
            _ = try DatasetLoader.load(files: [("bom.json", bytes)])
            Issue.record("loaded")
        } catch {
            #expect(error.issues.map(\.description) == ["bom.json:1:1: $: expected an object, found an array"])
        }
    }
}
