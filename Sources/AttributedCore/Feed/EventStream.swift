/// Server-sent events (WHATWG HTML, "Server-sent events"), as the feed writes them: one event per change, its
/// `id` the seq (what `Last-Event-ID` sends back on a reconnect), its `data` the feed item on one line; a comment
/// line keeps proxies from closing an idle stream.
enum EventStream {
    static let mediaType = "text/event-stream"

    static func event(_ change: Change, document: [UInt8]?, into out: inout [UInt8]) {
        out += Array("id: \(change.seq)\ndata: ".utf8)
        ChangeJSON.feedItem(change, document: document).write(into: &out)  // compact JSON: no raw newline
        out += Array("\n\n".utf8)
    }

    /// The first bytes of a stream: how long a client should wait before reconnecting, and a comment, so that the
    /// headers and something of the body go out at once.
    static func opening(after seq: UInt64) -> [UInt8] {
        Array("retry: 2000\n: following the changes after seq \(seq)\n\n".utf8)
    }

    static let heartbeat = Array(": heartbeat\n\n".utf8)
}
