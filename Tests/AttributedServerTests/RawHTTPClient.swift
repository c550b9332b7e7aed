import Foundation
import Glibc

/// A deliberately low-level HTTP/1.1 client over one TCP connection, so that tests can send exactly the bytes they
/// mean (hostile ones included), see whether a connection is reused, and never hang (every read has a timeout).
final class RawHTTPClient {
    struct Reply {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16, timeoutSeconds: Int = 5) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw ClientError("connect failed: errno \(errno)")
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw ClientError("send failed: errno \(errno)") }
            offset += sent
        }
    }

    /// Sends a GET-like request and reads its reply (HEAD replies have no body).
    func request(_ method: String = "GET", _ target: String, headers: [String] = []) throws -> Reply {
        try send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n")
        return try readReply(bodyless: method == "HEAD")
    }

    func readReply(bodyless: Bool = false) throws -> Reply {
        let headerEnd = try readUntil([13, 10, 13, 10])
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        buffer.removeFirst(headerEnd + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw ClientError("bad status line: \(head)") }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var reply = Reply(status: status, headers: headers, body: [])
        let length = bodyless || status == 304 || status == 204 ? 0 : Int(reply.header("Content-Length") ?? "") ?? -1
        if !bodyless, reply.header("Transfer-Encoding") == "chunked" {
            reply.body = try readChunks()
        } else if length >= 0 {
            while buffer.count < length { guard try fill() else { throw ClientError("connection closed mid-body") } }
            reply.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else {
            while try fill() {}
            reply.body = buffer
            buffer = []
        }
        return reply
    }

    /// A chunked body (RFC 9112 §7.1), without trailers: chunk after chunk until the empty one.
    private func readChunks() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let lineEnd = try readUntil([13, 10])
            let sizeText = String(decoding: buffer[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw ClientError("bad chunk size line: \(sizeText)")
            }
            buffer.removeFirst(lineEnd + 2)
            while buffer.count < size + 2 { guard try fill() else { throw ClientError("connection closed mid-chunk") } }
            body += buffer[..<size]
            buffer.removeFirst(size + 2)
            if size == 0 { return body }
        }
    }

    /// Reads the head of a reply and at least `count` bytes after it, then stops reading, keeping them unparsed: a
    /// client that goes away mid-body (close it next), or that reads on later (`readReply`).
    func readHead(andAtLeast count: Int) throws -> Int {
        let headerEnd = try readUntil([13, 10, 13, 10])
        while buffer.count < headerEnd + 4 + count { guard try fill() else { break } }
        return buffer.count - headerEnd - 4
    }

    /// Reads until what has arrived (head included) contains `marker`; returns it all as text, unconsumed: a stream
    /// read as it grows.
    func readText(until marker: String) throws -> String {
        _ = try readUntil(Array(marker.utf8))
        return String(decoding: buffer, as: UTF8.self)
    }

    /// True when the server has closed the connection (a read returns end of file within a short wait).
    func isClosedByServer(waitSeconds: Int = 1) -> Bool {
        guard buffer.isEmpty else { return false }
        var timeout = timeval(tv_sec: waitSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return (try? fill()) == false
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        while true {
            if let range = buffer.firstRange(of: marker) { return range.lowerBound }
            guard try fill() else { throw ClientError("connection closed before a full reply (got \(buffer.count) bytes)") }
        }
    }

    /// Reads more bytes; false at end of file. Throws on timeout, which is how a hang shows up.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == ECONNRESET { return false }
            throw ClientError("read failed or timed out: errno \(errno)")
        }
        buffer += chunk[..<count]
        return count > 0
    }
}

struct ClientError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
