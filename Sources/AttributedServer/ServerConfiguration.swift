import Foundation

/// How the daemon listens and what it tolerates. MHD's own defaults are unsafe (no idle timeout), so every
/// limit is set explicitly.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (tests).
    public var port: UInt16
    /// Worker threads, each with its own epoll loop.
    public var threads: Int
    public var connectionLimit: Int
    /// Idle seconds before a connection is closed; also reaps slow and stuck clients.
    public var connectionTimeout: Int
    /// Per-connection buffer for the request line and headers: larger requests get 414/431.
    public var connectionMemoryLimit: Int
    public var listenBacklog: Int32
    /// One JSON line per request, off (nil) by default.
    public var accessLog: AccessLogDestination?

    public init(host: String = "127.0.0.1", port: UInt16 = 8080, threads: Int = ServerConfiguration.cores,
                connectionLimit: Int = 4096, connectionTimeout: Int = 15, connectionMemoryLimit: Int = 16384,
                listenBacklog: Int32 = 1024, accessLog: AccessLogDestination? = nil) {
        self.host = host
        self.port = port
        self.threads = threads
        self.connectionLimit = connectionLimit
        self.connectionTimeout = connectionTimeout
        self.connectionMemoryLimit = connectionMemoryLimit
        self.listenBacklog = listenBacklog
        self.accessLog = accessLog
    }

    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
