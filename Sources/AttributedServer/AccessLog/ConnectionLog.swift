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
        client = ClientAddress.of(connection)
    }

    /// The record MHD keeps for `connection`, if the log is on.
    static func of(_ connection: OpaquePointer) -> ConnectionLog? {
        CMicroHTTPDShim_connection_socket_context(connection).map { Unmanaged<ConnectionLog>.fromOpaque($0).takeUnretainedValue() }
    }
}
