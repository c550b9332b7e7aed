import Testing
@testable import AttributedCore

/// The direct path names enum cases by their bytes: exactly the raw values, nothing shorter, longer or differently cased.
@Suite struct EnumNamesTests {
    private func value<E>(_ names: EnumNames<E>, _ text: String) -> E? {
        Array(text.utf8).withUnsafeBufferPointer { names.value($0) }
    }

    @Test func matchesEveryRawValueAndNothingElse() {
        let names = EnumNames<Factuality>()
        for factuality in Factuality.allCases {
            #expect(value(names, factuality.rawValue) == factuality)
            #expect(value(names, factuality.rawValue + " ") == nil)
            #expect(value(names, String(factuality.rawValue.dropLast())) != factuality)
            #expect(value(names, factuality.rawValue.lowercased()) == (factuality.rawValue.lowercased() == factuality.rawValue ? factuality : nil))
        }
        #expect(value(names, "") == nil)
        #expect(value(EnumNames<AttributionMode>(), "direct_quote") == .directQuote)
        #expect(value(EnumNames<AttributionMode>(), "direct-quote") == nil)
    }
}
