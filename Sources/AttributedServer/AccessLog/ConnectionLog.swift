import AttributedCore
import CMicroHTTPD
import CMicroHTTPDShim
import Glibc

/// What the access log needs of a connection that no access-handler call sees: the client's address (read once,
/// when the connection opens) and the raw target of its current request (MHD decodes the URL in place before the
/// handler runs). One per connection while the log is on, held in MHD's socket context; a connection carries one
/// request at a time, so nothing here is shared.
final class ConnectionLog {
    let client: String
    var target = ""

    init(_ connection: OpaquePointer) {
        client = Self.address(CMicroHTTPDShim_connection_client_address(connection))
    }

    /// The record MHD keeps for `connection`, if the log is on.
    static func of(_ connection: OpaquePointer) -> ConnectionLog? {
        CMicroHTTPDShim_connection_socket_context(connection).map { Unmanaged<ConnectionLog>.fromOpaque($0).takeUnretainedValue() }
    }

    /// `127.0.0.1` or `::1`, without the port.
    private static func address(_ address: UnsafePointer<sockaddr>?) -> String {
        guard let address else { return "-" }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            var ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            inet_ntop(AF_INET, &ipv4, &text, socklen_t(text.count))
        case AF_INET6:
            var ipv6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
            inet_ntop(AF_INET6, &ipv6, &text, socklen_t(text.count))
        default: return "-"
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
