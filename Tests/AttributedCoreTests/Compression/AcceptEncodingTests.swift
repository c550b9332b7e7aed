@testable import AttributedCore
import Testing

/// RFC 9110 §12.5.3, one case each.
@Suite struct AcceptEncodingTests {
    @Test(arguments: [
        ("gzip", ContentCoding.gzip),
        ("gzip, deflate, br, zstd", .gzip),  // what browsers send
        ("deflate, gzip;q=1.0, *;q=0.5", .gzip),  // curl --compressed
        ("GZIP", .gzip),  // codings are case-insensitive
        ("x-gzip", .gzip),  // an alias of gzip (§8.4.1.3)
        ("br;q=1, gzip;q=0.1", .gzip),  // gzip is the only coding offered: any q above 0 picks it
        ("*", .gzip),
        ("identity;q=0.5, *", .gzip),
        (" gzip ; q=0.8 , identity;q=0.5", .gzip),
        ("gzip;q=0", .identity),
        ("gzip;q=0, *", .identity),  // the explicit entry wins over `*`
        ("gzip;q=0.0", .identity),
        ("*;q=0", .identity),  // nothing acceptable: the body goes out without a coding (§12.5.3)
        ("deflate, br", .identity),
        ("identity", .identity),
        ("gzip;q=0.5, identity", .identity),  // identity ranked higher
        ("", .identity),  // an empty field asks for no coding
        ("gzip;q=0.5, identity;q=0.5", .gzip),  // a tie goes to the smaller body
        ("identity;q=0, gzip;q=0.1", .gzip),
        ("gzip;q=junk", .gzip),  // an unreadable q counts as 1, as for Accept
        ("x-gzip;q=0, gzip", .gzip),  // listed twice: the higher q
        ("identity, gzip;q=0.001", .identity),
        ("gzip;q=0.001", .gzip),  // three decimals
        ("gzip;q=0.0000", .gzip),  // four: not a qvalue, so 1
        ("gzip;Q=0", .identity),  // parameter names are case-insensitive
        ("gzip;level=1;q=0", .identity),  // q after another parameter
        ("gzip;q=1.000, identity;q=1", .gzip),
        (",, ,gzip", .gzip),  // empty elements are allowed (RFC 9110 §5.6.1)
        ("gzipx, gzi", .identity),
    ])
    func codingFor(header: String, expected: ContentCoding) {
        #expect(AcceptEncoding.coding(header) == expected, "\(header)")
    }

    /// Only ASCII letters fold: `[` is not `{`, nor `@` a backquote (each differs from the other by the case bit).
    @Test func headerNamesFoldOnlyLetters() {
        func equal(_ name: String, _ lowercase: StaticString) -> Bool {
            Array(name.utf8).withUnsafeBytes { $0.equalsIgnoringASCIICase(lowercase) }
        }
        #expect(equal("Accept-Encoding", "accept-encoding"))
        #expect(!equal("[", "{"))
        #expect(!equal("@", "`"))
        #expect(!equal("accept", "accept-encoding"))
    }
}
