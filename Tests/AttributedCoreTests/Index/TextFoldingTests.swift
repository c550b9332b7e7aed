import Foundation
import Testing
@testable import AttributedCore

extension IndexTests {
    @Suite("Index: text folding")
    struct TextFoldingTests {
        @Test func diacriticsAreRemoved() {
            #expect(TextFolding.terms(in: "Núñez") == ["nunez"])
            #expect(TextFolding.terms(in: "Nu\u{303}n\u{303}ez") == ["nunez"])  // already decomposed
            #expect(TextFolding.terms(in: "Café crème, São Paulo") == ["cafe", "creme", "sao", "paulo"])
        }

        @Test func aFoldedQueryFindsTheAccentedWord() {
            let index = IndexTests.makeIndex(["Minister Núñez spoke", "nobody else"])
            let range = index.termRange(prefix: TextFolding.terms(in: "nunez")[0])
            #expect(range.map(index.term) == ["nunez"])
            #expect(Array(index.postings(range.lowerBound)) == [0])
        }

        @Test func punctuationSeparatesLikeSpace() {
            #expect(TextFolding.terms(in: "Al-Ama") == ["al", "ama"])
            #expect(TextFolding.terms(in: "Al-Ama") == TextFolding.terms(in: "al ama"))
            #expect(TextFolding.terms(in: "“Quoted”—said… the\u{A0}man’s") == ["quoted", "said", "the", "man", "s"])
        }

        @Test func caseIsFolded() {
            #expect(TextFolding.terms(in: "HELLO World hElLo") == ["hello", "world", "hello"])
            #expect(TextFolding.terms(in: "ÉCOLE Ωμέγα") == ["ecole", "ωμεγα"])
        }

        @Test func digitsAreTermCharacters() {
            #expect(TextFolding.terms(in: "Covid-19 in 2024, the 3rd wave") == ["covid", "19", "in", "2024", "the", "3rd", "wave"])
        }

        @Test func otherScriptsStayLetters() {
            #expect(TextFolding.terms(in: "کراچی میں") == ["کراچی", "میں"])
            #expect(TextFolding.terms(in: "Karachi, کراچی!") == ["karachi", "کراچی"])
            #expect(TextFolding.terms(in: "مُحَمَّد") == ["محمد"])  // vowel points are marks
            #expect(TextFolding.terms(in: "नमस्ते दुनिया").count == 2)
            #expect(TextFolding.terms(in: "東京 2020") == ["東京", "2020"])
        }

        @Test func compatibilityFormsFold() {
            #expect(TextFolding.terms(in: "ﬁnance") == ["finance"])
            #expect(TextFolding.terms(in: "ＡＢＣ１２３") == ["abc123"])
            #expect(TextFolding.terms(in: "Ærø") == ["aero"])
            #expect(TextFolding.terms(in: "Straße Łódź Øresund") == ["strasse", "lodz", "oresund"])
            #expect(TextFolding.terms(in: "x²") == ["x2"])
        }

        @Test func formatCharactersJoinAndSymbolsSeparate() {
            #expect(TextFolding.terms(in: "co\u{AD}operate") == ["cooperate"])
            #expect(TextFolding.terms(in: "fire🔥fighters") == ["fire", "fighters"])
            #expect(TextFolding.terms(in: "a+b=c") == ["a", "b", "c"])
        }

        @Test(arguments: ["", " ", "   \n\t ", "—", "…!?", "🔥 🔥", "\u{A0}\u{2003}"])
        func noLetterNoTerm(_ text: String) {
            #expect(TextFolding.terms(in: text).isEmpty)
        }

        /// The byte loop and its separators agree with the rules applied naively to the whole text.
        @Test func fastPathMatchesTheRules() {
            let alphabet: [String] = ["a", "Z", "5", " ", "-", "’", "é", "E\u{301}", "ﬁ", "ß", "ک", "ِ", "🔥", "\u{AD}", "—",
                                      "Ø", "\u{A0}", "²", "_", ".", "ｘ", "™", "Σ"]
            var generator = SeededGenerator(seed: 7)
            for _ in 0..<500 {
                let text = (0..<Int.random(in: 0..<16, using: &generator))
                    .map { _ in alphabet.randomElement(using: &generator)! }.joined()
                #expect(TextFolding.terms(in: text) == Self.reference(text), "\(text.debugDescription)")
            }
        }

        /// Rules 1–4 of `TextFolding` over the whole text at once.
        static func reference(_ text: String) -> [String] {
            let spelled: [Unicode.Scalar: String] = [
                "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ħ": "h", "ŧ": "t",
                "ı": "i", "ς": "σ",
            ]
            var terms: [String] = []
            var term = ""
            for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    switch lower.properties.generalCategory {
                    case .nonspacingMark, .enclosingMark, .format: continue
                    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                         .decimalNumber, .letterNumber, .otherNumber, .spacingMark:
                        term += spelled[lower] ?? String(lower)
                    default:
                        if !term.isEmpty { terms.append(term) }
                        term = ""
                    }
                }
            }
            if !term.isEmpty { terms.append(term) }
            return terms
        }
    }
}
