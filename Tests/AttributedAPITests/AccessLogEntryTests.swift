@testable import AttributedCore
import Foundation
import Testing

/// The access log's line format: one JSON object per line, whatever the client sent.
@Suite struct AccessLogEntryTests {
    @Test func isOneJSONObjectOnOneLineWithEveryField() throws {
        let entry = AccessLogEntry(time: 1_796_194_251.4658, client: "127.0.0.1", method: "GET", target: "/v1/claims?q=a%20b",
                                   status: 200, bytes: 1291, durationMicroseconds: 87, userAgent: "curl/7.88.1",
                                   dataset: "9ed92b2b9bea2cdb")
        let line = entry.line()
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(!line.dropLast().contains(UInt8(ascii: "\n")))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(object["time"] as? String == "2026-12-02T06:50:51.465Z")
        #expect(object["client"] as? String == "127.0.0.1")
        #expect(object["target"] as? String == "/v1/claims?q=a%20b")
        #expect(object["status"] as? Int == 200)
        #expect(object["bytes"] as? Int == 1291)
        #expect(object["durationMicroseconds"] as? Int == 87)
        #expect(object["userAgent"] as? String == "curl/7.88.1")
        #expect(object["dataset"] as? String == "9ed92b2b9bea2cdb")
        let keys = String(decoding: line, as: UTF8.self).split(separator: ",").map { $0.split(separator: ":")[0] }
        #expect(keys.first == #"{"time""#)
    }

    @Test func hostileStringsStayInsideTheirField() throws {
        let hostile = "/\"}\n{\"status\":999,\u{1}\u{7f}\\"
        let entry = AccessLogEntry(time: 0, client: "::1", method: "G\"ET", target: hostile, status: 404, bytes: 0,
                                   durationMicroseconds: 0, userAgent: "\r\nX-Injected: 1", dataset: nil)
        let line = entry.line()
        #expect(line.filter { $0 == UInt8(ascii: "\n") }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(object["target"] as? String == hostile)
        #expect(object["method"] as? String == "G\"ET")
        #expect(object["status"] as? Int == 404)
        #expect(object["userAgent"] as? String == "\r\nX-Injected: 1")
        #expect(object["dataset"] is NSNull)
        #expect(object["time"] as? String == "1970-01-01T00:00:00.000Z")
    }
}
