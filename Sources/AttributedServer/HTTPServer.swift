import AttributedCore
import CMicroHTTPD
import CMicroHTTPDShim
import Foundation
import Glibc

/// A running libmicrohttpd daemon serving an API. It starts without a dataset (liveness 200, readiness 503)
/// and serves whichever dataset was handed to it last. Any thread may swap its dataset or stop it: the daemon's own
/// calls are thread-safe, the dataset is behind a lock, and a stop is claimed once, atomically.
public final class HTTPServer: @unchecked Sendable {
    public let port: UInt16
    public let fileDescriptors: FileDescriptorBudget
    private let daemon: OpaquePointer
    private let context: ServerContext
    private let unmanagedContext: Unmanaged<ServerContext>

    public init(configuration: ServerConfiguration, api: API) throws(ServerError) {
        let accessLog = try configuration.accessLog.map { destination throws(ServerError) in
            try AccessLogWriter(destination, metrics: api.metrics)
        }
        context = try ServerContext(api: api, accessLog: accessLog)
        fileDescriptors = FileDescriptorBudget.raise(toServe: configuration.connectionLimit)
        let socket = try ListeningSocket.open(host: configuration.host, port: configuration.port,
                                              backlog: configuration.listenBacklog)
        unmanagedContext = Unmanaged.passRetained(context)
        let contextPointer = unmanagedContext.toOpaque()
        var options = [
            MHD_OptionItem(option: .LISTEN_SOCKET, value: Int(socket.descriptor), ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_LIMIT, value: configuration.connectionLimit, ptr_value: nil),
            MHD_OptionItem(option: .PER_IP_CONNECTION_LIMIT, value: configuration.connectionLimitPerIP, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_TIMEOUT, value: configuration.connectionTimeout, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_MEMORY_LIMIT, value: configuration.connectionMemoryLimit, ptr_value: nil),
            CMicroHTTPDShim_option_notify_completed(requestCompleted, contextPointer),
            CMicroHTTPDShim_option_notify_connection(connectionNotified, contextPointer),
            CMicroHTTPDShim_option_uri_log(beginRequest, contextPointer),
            CMicroHTTPDShim_option_unescape(percentDecodeKeepingNUL, nil),
        ]
        if configuration.threads > 1 {
            options.append(MHD_OptionItem(option: .THREAD_POOL_SIZE, value: configuration.threads, ptr_value: nil))
        }
        options.append(MHD_OptionItem(option: .END, value: 0, ptr_value: nil))
        // epoll per worker; ITC so that MHD_stop_daemon wakes the workers at once.
        // No MHD_USE_ERROR_LOG: MHD would log every malformed request from the internet to stderr.
        // A server that takes writes suspends each write's connection while the writer commits it (on a thread of its
        // own), so that a commit never holds a worker's other connections and concurrent writes can share one.
        // Live followers of the feed are suspended while there is nothing to send them, on every server.
        let flags = MHD_USE_EPOLL_INTERNAL_THREAD.rawValue | MHD_USE_ITC.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
        let started = options.withUnsafeMutableBufferPointer {
            CMicroHTTPDShim_start_daemon(flags, socket.port, acceptPolicy, contextPointer,
                                         handleAccess, contextPointer, $0.baseAddress)
        }
        guard let started else {
            accessLog?.close()
            close(socket.descriptor)
            unmanagedContext.release()
            throw ServerError("libmicrohttpd could not start on port \(socket.port) (threads, limits or file descriptors)")
        }
        daemon = started
        port = socket.port
    }

    /// Swaps in a new dataset. Requests already running finish with the one they started with.
    public func serve(_ store: Store) throws(ServerError) {
        let previous = context.serve(try ServedDataset(store))
        releaseMemory(of: previous)
    }

    /// Once the requests still holding a replaced dataset are done (a few seconds at most), hands the memory it
    /// freed back to the system: otherwise the allocator keeps it, and every reload would leave the process larger.
    /// On a thread of its own, so that the swap is reported (and the next reload can start) at once.
    private func releaseMemory(of previous: consuming ServedDataset?) {
        guard previous != nil else { return }
        weak let replaced = previous
        previous = nil
        Thread.detachNewThread {
            let deadline = Self.now() + 5
            while replaced != nil, Self.now() < deadline { usleep(20_000) }
            Allocator.returnFreedMemory()
        }
    }

    public var currentStore: Store? { context.dataset?.store }

    /// Closes and opens the access log file again (after logrotate moved it: SIGUSR1).
    public func reopenAccessLog() { context.accessLog?.reopen() }
    public var requestsInFlight: Int { context.metrics.inFlight.load(ordering: .relaxed) }
    /// A stop has begun: new connections are refused.
    var isStopping: Bool { context.isStopping }

    /// Refuses new connections, lets running requests finish for up to `drainTimeout` seconds, then stops the
    /// daemon (which closes the listening socket). Idle keep-alive connections are not waited for: they are closed
    /// with the daemon.
    ///
    /// Not MHD_quiesce_daemon: with a worker pool in epoll mode, 0.9.75 (and MHD's master as of April 2025) removes the
    /// listening socket from each worker's epoll set while that worker, having seen the quiesce flag, may remove it
    /// too; the loser's ENOENT is a MHD_PANIC that aborts the process. The accept policy refuses instead.
    public func shutdown(drainTimeout: Double = 5) {
        guard context.beginStopping() else { return }
        // Live followers end their streams first (every suspended one is resumed to send its end), so that they
        // neither hold the drain open nor stay suspended when the daemon stops.
        context.api.feed.followers.close()
        let deadline = Self.now() + drainTimeout
        while requestsInFlight > 0, Self.now() < deadline { usleep(10_000) }
        // Stopping MHD with a connection suspended is undefined: a write being committed is waited for (it is bounded
        // by one commit), and its answer is then queued before the daemon goes.
        while context.suspendedWrites.load(ordering: .acquiring) > 0 { usleep(10_000) }
        MHD_stop_daemon(daemon)
        context.accessLog?.close()
        unmanagedContext.release()
    }

    deinit {
        shutdown(drainTimeout: 0)
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
