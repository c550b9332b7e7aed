import Glibc

/// One request as the access log records it: a JSON object on one line (JSON Lines), field order fixed, every
/// string escaped (a target or user agent from the network is never trusted to be printable or valid UTF-8).
public struct AccessLogEntry: Sendable {
    /// Unix time in seconds, when the response was queued.
    public var time: Double
    public var client: String
    public var method: String
    /// The request target as sent (path and query, still percent-encoded).
    public var target: String
    public var status: Int
    /// The length of the response body (0 for `HEAD` and `304`).
    public var bytes: Int
    public var durationMicroseconds: UInt64
    public var userAgent: String?
    /// The version of the dataset that answered; null before one is loaded, and for requests refused unread.
    public var dataset: String?
    /// The name of the token the request was authenticated with (never its secret); null without one.
    public var token: String?

    public init(time: Double, client: String, method: String, target: String, status: Int, bytes: Int,
                durationMicroseconds: UInt64, userAgent: String?, dataset: String?, token: String? = nil) {
        self.time = time
        self.client = client
        self.method = method
        self.target = target
        self.status = status
        self.bytes = bytes
        self.durationMicroseconds = durationMicroseconds
        self.userAgent = userAgent
        self.dataset = dataset
        self.token = token
    }

    /// The wall clock, in Unix seconds.
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The line, newline included.
    public func line() -> [UInt8] {
        var out = JSONOutput(capacity: 256)
        out.raw(#"{"time":""#)
        out.raw(Self.iso8601(time))
        out.raw(#"","client":"#)
        out.string(client)
        out.raw(#","method":"#)
        out.string(method)
        out.raw(#","target":"#)
        out.string(target)
        out.raw(#","status":"#)
        out.int(status)
        out.raw(#","bytes":"#)
        out.int(bytes)
        out.raw(#","durationMicroseconds":"#)
        out.int(Int(clamping: durationMicroseconds))
        out.raw(#","userAgent":"#)
        out.optionalString(userAgent)
        out.raw(#","dataset":"#)
        out.optionalString(dataset)
        out.raw(#","token":"#)
        out.optionalString(token)
        out.raw("}\n")
        return out.bytes
    }

    /// `2026-12-02T06:54:44.123Z`.
    static func iso8601(_ time: Double) -> [UInt8] {
        var seconds = time_t(time.rounded(.down))
        let milliseconds = min(999, Int((time - Double(seconds)) * 1000))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text: [UInt8] = []
        text.reserveCapacity(24)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(Int(parts.tm_year) + 1900, 4)
        text.append(UInt8(ascii: "-")); digits(Int(parts.tm_mon) + 1, 2)
        text.append(UInt8(ascii: "-")); digits(Int(parts.tm_mday), 2)
        text.append(UInt8(ascii: "T")); digits(Int(parts.tm_hour), 2)
        text.append(UInt8(ascii: ":")); digits(Int(parts.tm_min), 2)
        text.append(UInt8(ascii: ":")); digits(Int(parts.tm_sec), 2)
        text.append(UInt8(ascii: ".")); digits(milliseconds, 3)
        text.append(UInt8(ascii: "Z"))
        return text
    }
}
