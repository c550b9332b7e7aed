import Glibc

/// The listening socket, opened here rather than by MHD so that a failure (port in use, bad address) is reported
/// with its real reason, and so that port 0 can be read back.
struct ListeningSocket {
    let descriptor: Int32
    let port: UInt16

    static func open(host: String, port: UInt16, backlog: Int32) throws(ServerError) -> ListeningSocket {
        var v4 = sockaddr_in()
        var v6 = sockaddr_in6()
        let family: Int32
        if inet_pton(AF_INET, host, &v4.sin_addr) == 1 {
            family = AF_INET
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
        } else if inet_pton(AF_INET6, host, &v6.sin6_addr) == 1 {
            family = AF_INET6
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = port.bigEndian
        } else {
            throw ServerError("invalid --host \"\(host)\": expected an IPv4 or IPv6 address such as 127.0.0.1 or ::1")
        }
        let descriptor = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError("cannot create a socket: \(Self.lastError)") }
        var on: Int32 = 1
        // SO_REUSEADDR only: a restart must not fail on TIME_WAIT, but a second instance must not bind silently.
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        let bound = family == AF_INET
            ? withUnsafePointer(to: &v4) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            : withUnsafePointer(to: &v6) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        let address = family == AF_INET6 ? "[\(host)]:\(port)" : "\(host):\(port)"
        guard bound == 0 else {
            let reason = Self.lastError
            close(descriptor)
            throw ServerError("cannot listen on \(address): \(reason)")
        }
        guard listen(descriptor, backlog) == 0 else {
            let reason = Self.lastError
            close(descriptor)
            throw ServerError("cannot listen on \(address): \(reason)")
        }
        return ListeningSocket(descriptor: descriptor, port: Self.boundPort(descriptor) ?? port)
    }

    private static func boundPort(_ descriptor: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        let family = storage.ss_family
        return withUnsafePointer(to: &storage) { pointer in
            if family == sa_family_t(AF_INET6) {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }

    private static var lastError: String { String(cString: strerror(errno)) }
}

public struct ServerError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
