@testable import AttributedCore
import Testing

/// The byte-level format checks must accept exactly what the regular expressions accept.
@Suite struct TextFormatTests {
    static let samples: [String] = {
        var samples = ["", "2014", "2014-10", "2014-10-03", "2014-02-29", "2016-02-29", "2000-02-29", "1900-02-29", "2014-13",
                       "2014-00", "2014-1", "14", "20141", "2014-10-32", "2014-04-31", "2014/10/02", "2014-10-02T08:30:00Z",
                       "2014-10-02t08:30:00.25+05:00", "2014-10-02T08:30Z", "2014-10-02 08:30:00Z", "2014-10-02T24:00:00Z",
                       "2014-10-02T23:59:60Z", "2014-10-02T23:59:61Z", "2014-10-02T08:30:00.Z", "2014-10-02T08:30:00+24:00",
                       "2014-10-02T08:30:00-05:60", "2014-10-02T08:30:00+05", "2014-10T08:30:00Z", "2014T08:30:00Z",
                       "2014-10-02T08:30:00Zz", "en", "ur-PK", "e", "engl", "en-", "en-abcdefgh", "en-abcdefghi", "zh-Hant-TW",
                       "en_US", "x-private", "http://a", "https://example.com/x?y#z", "http://", "http:///x", "http://?x",
                       "http://#x", "ftp://x", "https://a b", "https://a\tb", "https://a\u{0B}b", "https://a\u{1C}b",
                       "https://a\u{1F}b", "https://a\u{7F}b", "HTTP://a", "https://x\r\ny", "2014-10-02T08:30:00.123456789-00:00"]
        for control in 0..<0x20 { samples.append("http://a\(Character(Unicode.Scalar(UInt8(control))))b") }
        return samples
    }()

    @Test(arguments: [TextFormat.partialDate, .publicationDate, .languageTag, .httpURL])
    func byteLevelChecksAgreeWithThePatterns(_ format: TextFormat) {
        for sample in Self.samples {
            #expect(ASCIIFormat.matches(Array(sample.utf8), format) == format.matchesByPattern(sample), "\(format) \(sample.debugDescription)")
        }
    }
}
