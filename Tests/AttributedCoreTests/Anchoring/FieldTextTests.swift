import Testing
@testable import AttributedCore

/// A field's scalar and byte offsets (counted a word at a time) against counting the scalars one by one.
@Suite struct FieldTextTests {
    private static let scalars: [Unicode.Scalar] = ["a", " ", "“", "”", "é", "ñ", "😀", "\u{10FFFF}", "\u{7F}", "\u{80}", "ß"]

    @Test func offsetsMatchCountingScalarsOneByOne() {
        var generator = SeededGenerator(seed: 41)
        for round in 0..<120 {
            // Mostly ASCII runs, so that whole words are counted, with multi-byte scalars across word boundaries.
            let length = Int.random(in: 0..<(round < 100 ? 300 : 2_000), using: &generator)
            var view = String.UnicodeScalarView()
            for _ in 0..<length {
                view.append(Int.random(in: 0..<4, using: &generator) == 0
                            ? Self.scalars.randomElement(using: &generator)! : "x")
            }
            let text = String(view)
            let field = FieldText(text)
            #expect(field.scalarCount == text.unicodeScalars.count)
            var byte = 0
            for (scalar, value) in text.unicodeScalars.enumerated() {
                #expect(field.byteOffset(ofScalar: scalar) == byte, "scalar \(scalar) of \(length)")
                #expect(field.scalarOffset(ofByte: byte) == scalar, "byte \(byte) of \(length)")
                byte += String(value).utf8.count
            }
            #expect(field.byteOffset(ofScalar: field.scalarCount) == text.utf8.count)
            #expect(field.scalarOffset(ofByte: text.utf8.count) == field.scalarCount)
        }
    }
}
