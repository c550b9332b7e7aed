import Foundation
import Glibc

/// Many connections from one source address, each with a request line begun and never finished: a slowloris, or a
/// fleet of stuck clients behind one address, as the server sees it. Every socket is closed with this object.
final class HalfSentConnections {
    private(set) var descriptors: [Int32] = []
    private(set) var failedConnects = 0

    /// Opens up to `count` connections from `source` (an address on loopback, bound before connecting) to
    /// 127.0.0.1:`port`, giving up after `seconds` in all; each connect waits at most a second.
    init(count: Int, from source: String, port: UInt16, within seconds: Double) throws {
        let deadline = Date().addingTimeInterval(seconds)
        descriptors.reserveCapacity(count)
        while descriptors.count < count, Date() < deadline {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard descriptor >= 0 else { throw ClientError("socket() failed after \(descriptors.count): errno \(errno)") }
            var connectTimeout = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &connectTimeout, socklen_t(MemoryLayout<timeval>.size))
            // The port is picked at connect, by the whole address pair: bind alone would skip every port still in
            // TIME_WAIT from an earlier run, and slow down as the range fills.
            var deferPort: Int32 = 1
            setsockopt(descriptor, Int32(IPPROTO_IP), IP_BIND_ADDRESS_NO_PORT, &deferPort, socklen_t(MemoryLayout<Int32>.size))
            guard Self.bind(descriptor, to: source), Self.connect(descriptor, port: port) else {
                close(descriptor)
                failedConnects += 1
                continue
            }
            descriptors.append(descriptor)
            // Never finished: the server waits for the rest until its idle timeout. A connection it has already closed
            // answers with a reset, which is ignored.
            _ = "GET /healthz HT".withCString { send(descriptor, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        }
    }

    /// How many of the connections the server still holds open: a closed one reads as end of file or a reset.
    var heldOpen: Int {
        var polled = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        _ = poll(&polled, nfds_t(polled.count), 0)
        return polled.count { $0.revents == 0 }
    }

    func closeAll() {
        for descriptor in descriptors { close(descriptor) }
        descriptors = []
    }

    deinit { closeAll() }

    private static func bind(_ descriptor: Int32, to source: String) -> Bool {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(source)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    private static func connect(_ descriptor: Int32, port: UInt16) -> Bool {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
