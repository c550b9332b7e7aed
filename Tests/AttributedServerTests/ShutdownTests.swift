@testable import AttributedServer
import Foundation
import Testing

/// A graceful stop: new connections are refused, a request already running finishes, the listening socket is
/// closed; and stopping under traffic, over and over, never aborts the process (libmicrohttpd's quiesce did, by a
/// race between its worker threads, which is why the server no longer calls it).
@Suite struct ShutdownTests {
    @Test func aStopRefusesNewConnectionsAndLetsARunningExportFinish() throws {
        let live = try LiveServer(store: LiveExportTests.large)
        let port = live.port
        let keeper = try live.client()  // a keep-alive connection, opened before the stop
        #expect(try keeper.request("GET", "/healthz").status == 200)
        let exporter = try live.client()
        try exporter.send("GET /v1/claims?format=csv HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = try exporter.readHead(andAtLeast: 10_000)  // in flight: 15 MB to go, more than the sockets hold

        let stopped = Counter()
        let server = live.server
        let stopper = Thread {
            server.shutdown(drainTimeout: 30)
            stopped.increment()
        }
        stopper.start()
        let deadline = Date().addingTimeInterval(5)
        while !live.server.isStopping, Date() < deadline { usleep(1_000) }
        #expect(live.server.isStopping)

        // Accepted by the kernel, then closed by the server before a byte is read: the request fails.
        let late = try? RawHTTPClient(port: port, timeoutSeconds: 2)
        #expect((try? late?.request("GET", "/healthz")) == nil)
        // A request on an open connection is still served, but it is the connection's last: no client can hold
        // the drain open with request after request.
        let last = try keeper.request("GET", "/healthz")
        #expect(last.status == 200)
        #expect(last.header("Connection")?.lowercased() == "close")
        #expect((try? keeper.request("GET", "/healthz")) == nil)
        #expect(stopped.value == 0)  // still draining: the export is not done

        let rows = try exporter.readReply().text.components(separatedBy: "\r\n").dropLast()
        #expect(rows.count == 25_000 + 1)
        let stopDeadline = Date().addingTimeInterval(10)
        while stopped.value == 0, Date() < stopDeadline { usleep(5_000) }
        #expect(stopped.value == 1)
        #expect((try? RawHTTPClient(port: port, timeoutSeconds: 1)) == nil)  // the listening socket is closed
    }

    @Test func stoppingUnderTrafficRepeatedlyNeverAborts() throws {
        for _ in 0..<40 {
            let live = try LiveServer(threads: 2)
            let (port, server) = (live.port, live.server)
            let (served, finished) = (Counter(), Counter())
            // Threads, not tasks: the clients block, and the stop must come while they are still sending.
            let clients = (0..<4).map { client in
                Thread {
                    defer { finished.increment() }
                    // Half keep their connection, half open one per request: both accept and serve paths run.
                    var connection = try? RawHTTPClient(port: port, timeoutSeconds: 1)
                    for _ in 0..<2_000 {
                        if client % 2 == 1 { connection = try? RawHTTPClient(port: port, timeoutSeconds: 1) }
                        guard (try? connection?.request("GET", "/v1/claims/c09"))?.status == 200 else { return }
                        served.increment()
                    }
                }
            }
            clients.forEach { $0.start() }
            let deadline = Date().addingTimeInterval(10)
            while served.value < 50, Date() < deadline { usleep(1_000) }
            server.shutdown(drainTimeout: 1)
            let servedByTheStop = served.value
            while finished.value < clients.count, Date() < deadline { usleep(1_000) }
            #expect(servedByTheStop >= 50)
            #expect(servedByTheStop < 4 * 2_000)  // the stop came while they were still sending
            #expect(finished.value == clients.count)  // and every client then saw its connection end
        }
    }
}
