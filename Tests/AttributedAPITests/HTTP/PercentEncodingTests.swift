@testable import AttributedCore
import Testing

@Suite struct PercentEncodingTests {
    @Test func onlyUnreservedCharactersStayAsThey() {
        #expect(percentEncoded("a-Z_0.9~") == "a-Z_0.9~")
        #expect(percentEncoded("a b/c?d#e&f=g%") == "a%20b%2Fc%3Fd%23e%26f%3Dg%25")
        #expect(percentEncoded("Núñez") == "N%C3%BA%C3%B1ez")
        #expect(percentEncoded("") == "")
    }

    /// The one-pass form the Link header uses: every byte of a multi-byte id is encoded, and the buffer, sized for
    /// the worst case, holds an id made only of bytes that need three.
    @Test func betweenAPrefixAndASuffix() {
        #expect(percentEncoded("c15", between: "</v1/claims/", and: "/provenance>") == "</v1/claims/c15/provenance>")
        let hostile = String(repeating: "\u{1F600}\"<>\r\n", count: 50)
        let encoded = percentEncoded(hostile, between: "<", and: ">")
        #expect(encoded == "<" + percentEncoded(hostile) + ">")
        #expect(encoded.utf8.count == 2 + 3 * hostile.utf8.count)
        #expect(encoded.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F })
    }
}
