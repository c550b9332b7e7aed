import ArgumentParser
import Foundation
import AttributedCore
import AttributedServer

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the dataset over HTTP (the default command).",
        discussion: "SIGHUP reloads the dataset (an invalid one is refused and the old one kept); SIGUSR1 reopens the access log; SIGINT or SIGTERM stop gracefully."
    )

    @Option(help: "Address to listen on (IPv4 or IPv6). Use 0.0.0.0 to accept connections from other hosts.")
    var host = "127.0.0.1"

    @Option(help: "TCP port; 0 picks a free one.")
    var port: UInt16 = 8080

    @Option(help: "A dataset JSON file or a directory of them. Default: the built-in seed dataset.")
    var data: String?

    @Option(help: "Worker threads, each with its own epoll loop.")
    var threads = ServerConfiguration.cores

    @Option(name: .customLong("max-connections"), help: "Connections served at once.")
    var maxConnections = 4096

    @Option(name: .customLong("max-connections-per-ip"), help: ArgumentHelp(
        "Connections one client address may hold at once; 0 turns the limit off.",
        discussion: """
            Excess connections are accepted and closed at once, so one host (a crawler, a stuck client, half-sent \
            requests) cannot take every --max-connections slot and lock the others out. It does not tell clients \
            apart behind a proxy, load balancer or NAT: they all share its address, so raise the limit there or turn \
            it off and limit per client at the proxy. A load generator from one host needs it above its connection \
            count (wrk -c256: 512).
            """))
    var maxConnectionsPerIP = ServerConfiguration.defaultConnectionLimitPerIP

    @Option(name: .customLong("idle-timeout"), help: "Seconds before an idle connection is closed.")
    var idleTimeout = 15

    @Option(name: .customLong("drain-timeout"), help: "Seconds to let running requests finish on shutdown.")
    var drainTimeout = 5.0

    @Flag(help: "Reload when the --data file or directory changes (written in place, renamed over, a Kubernetes ConfigMap update), as SIGHUP does.")
    var watch = false

    @Option(name: .customLong("access-log"),
            help: "Append one JSON line per request to this file (reopened on SIGUSR1, for logrotate), or '-' for standard output. Off by default.")
    var accessLog: String?

    @Option(help: ArgumentHelp(
        "Take writes (PUT, DELETE, POST) authenticated by the tokens in this file (`attributed token create`); re-read on SIGHUP.",
        discussion: "Needs --data to be a writable directory: each write is journalled there (attributed.journal) before it is answered."))
    var tokens: String?

    @Flag(help: "Every /v1/ and /explore/ route needs a token (read or write); the probes, /metrics and /openapi.yaml stay open. Needs --tokens.")
    var `private` = false

    @Option(name: .customLong("max-body"), help: "The largest write body accepted, in bytes; a larger one is 413, unread.")
    var maxBody = AccessControl.defaultMaxBody

    @Option(name: .customLong("compact-after"), help: ArgumentHelp(
        "Journal bytes past which the server folds its journal into the dataset's files by itself; 0: never.",
        discussion: "As `attributed compact` does, in turn with the writes (which wait for it); a restart then replays a short journal."))
    var compactAfter = 64 << 20

    @Option(name: .customLong("max-followers"),
            help: "Clients that may follow /v1/changes live (text/event-stream) at once; one more is 503.")
    var maxFollowers = 256

    @Option(name: .customLong("feed-heartbeat"), help: ArgumentHelp(
        "Seconds of quiet before a live follower gets a heartbeat comment.",
        discussion: "A follower that does not take what it was sent for twice this long is dropped."))
    var feedHeartbeat = 15.0

    @Option(name: .customLong("history-retention"), help: ArgumentHelp(
        "Serve only the changes newer than this (90d, 12h, 30m, seconds); default: keep everything.",
        discussion: "Each article's last revision is always kept. `attributed compact --history-retention` drops the rest from the file."))
    var historyRetention: String?

    func validate() throws {
        guard !`private` || tokens != nil else { throw ValidationError("--private needs --tokens: without tokens nobody could read") }
        guard (1...(1 << 30)).contains(maxBody) else { throw ValidationError("--max-body must be from 1 to 1073741824") }
        guard compactAfter >= 0 else { throw ValidationError("--compact-after must be 0 (never) or a number of bytes") }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be from 1 to 256") }
        guard (1...1_000_000).contains(maxConnections) else { throw ValidationError("--max-connections must be from 1 to 1000000") }
        guard (0...1_000_000).contains(maxConnectionsPerIP) else { throw ValidationError("--max-connections-per-ip must be from 0 (off) to 1000000") }
        guard (1...3600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be from 1 to 3600") }
        guard (0...600).contains(drainTimeout) else { throw ValidationError("--drain-timeout must be from 0 to 600") }
        guard (1...100_000).contains(maxFollowers) else { throw ValidationError("--max-followers must be from 1 to 100000") }
        guard historyRetention.map({ RetentionPeriod.seconds($0) != nil }) ?? true else {
            throw ValidationError("--history-retention must be a duration such as 90d, 12h, 30m or 3600")
        }
        guard (0.05...3600).contains(feedHeartbeat) else { throw ValidationError("--feed-heartbeat must be from 0.05 to 3600 seconds") }
        guard accessLog?.isEmpty != true else { throw ValidationError("--access-log needs a file path or '-'") }
        guard !watch || data != nil else { throw ValidationError("--watch needs --data: the built-in dataset never changes") }
    }

    func run() throws {
        SignalLoop.blockSignals()
        let configuration = ServerConfiguration(host: host, port: port, threads: threads, connectionLimit: maxConnections,
                                                connectionLimitPerIP: maxConnectionsPerIP, connectionTimeout: idleTimeout,
                                                accessLog: accessLog.map { $0 == "-" ? .standardOutput : .file($0) })
        let server: HTTPServer
        let access: AccessControl?
        do {
            access = try tokens.map { path throws(WriteSetupError) in
                try WriteSetup.checkWritableDirectory(data)
                return AccessControl(tokens: try WriteSetup.registry(path), isPrivate: `private`, maxBody: maxBody)
            }
        } catch {
            Console.status("error: \(error)")
            throw ExitCode.failure
        }
        let api = API(openAPISpecification: BundledResources.openAPISpecification(), access: access,
                      maxFollowers: maxFollowers, heartbeatInterval: feedHeartbeat)
        do {
            server = try HTTPServer(configuration: configuration, api: api)
        } catch {
            Console.status("error: \(error)")
            throw ExitCode.failure
        }
        // Listening before loading: liveness answers at once, readiness turns 200 when the data is in.
        Console.status("listening on http://\(host.contains(":") ? "[\(host)]" : host):\(server.port) with \(threads) threads")
        let descriptors = server.fileDescriptors
        if !descriptors.isEnough {
            Console.status("warning: the process may open only \(descriptors.available) files (its hard limit), but " +
                           "--max-connections \(maxConnections) needs \(descriptors.needed): raise the hard limit " +
                           "(ulimit -Hn, systemd LimitNOFILE=, docker run --ulimit nofile=) or lower --max-connections")
        }

        let source = DatasetSource(path: data)
        /// Loads and swaps in the dataset, and tells the metrics how long that took. With writes, the first load
        /// opens the journal and lays it over the base files; later ones (SIGHUP) go through the writer, in turn with
        /// the writes.
        func loadAndServe() throws {
            let started = Date()
            if access != nil, let data {
                if let writer = api.writer {
                    _ = try writer.reload()  // which publishes it
                    Console.status("reloaded \(data) with its journal (\(counted(writer.journalEntries, "write")); version \(writer.store.version))")
                } else {
                    let writer = try WriteSetup.openWriter(directory: data, server: server,
                                                            compactAfter: compactAfter > 0 ? compactAfter : nil,
                                                            historyRetention: historyRetention.flatMap(RetentionPeriod.seconds))
                    try server.serve(writer.store)
                    api.attach(writer)
                    Console.status("loaded \(data) with its journal (\(counted(writer.journalEntries, "write"))): taking writes "
                                   + "(version \(writer.store.version))")
                }
                api.metrics.datasetServed(loadSeconds: Date().timeIntervalSince(started))
                return
            }
            let (store, report) = try source.loadStore()
            try server.serve(store)
            api.metrics.datasetServed(loadSeconds: Date().timeIntervalSince(started))
            Console.status(report)  // once it serves: a script that waits for this line then sees the new version
        }
        do {
            try loadAndServe()
        } catch let invalid as DatasetInvalid {
            FileHandleReport.write(invalid)
            Console.status("error: \(source.displayName) is invalid; not serving it")
            server.shutdown(drainTimeout: 0)
            throw ExitCode.failure
        } catch {
            Console.status("error: \(error)")
            server.shutdown(drainTimeout: 0)
            throw ExitCode.failure
        }

        let watcher: DatasetWatcher?
        do {
            watcher = try data.map { path throws(ServerError) in
                try watch ? DatasetWatcher(path: path) { name in
                    Console.status("\(name) changed: reloading")
                    kill(getpid(), SIGHUP)
                } : nil
            } ?? nil
        } catch {
            Console.status("error: \(error)")
            server.shutdown(drainTimeout: 0)
            throw ExitCode.failure
        }

        SignalLoop.waitForTermination {
            Console.status("SIGHUP: reloading \(source.displayName)")
            if let tokens, let access {
                do {
                    access.replaceTokens(try WriteSetup.registry(tokens))
                    Console.status("re-read \(tokens)")
                } catch {
                    Console.status("tokens not re-read: \(error); the previous tokens stay in force")
                }
            }
            do {
                try loadAndServe()
                api.metrics.reloadEnded(.ok)
            } catch let invalid as DatasetInvalid {
                FileHandleReport.write(invalid)
                api.metrics.reloadEnded(.refused)
                Console.status("reload refused; still serving version \(server.currentStore?.version ?? "-")")
            } catch {
                api.metrics.reloadEnded(.refused)
                Console.status("reload failed: \(error); still serving version \(server.currentStore?.version ?? "-")")
            }
        } reopenLogs: {
            server.reopenAccessLog()
        }
        watcher?.stop()
        Console.status("stopping: waiting up to \(drainTimeout) s for running requests")
        server.shutdown(drainTimeout: drainTimeout)
        Console.status("stopped")
    }
}

enum FileHandleReport {
    static func write(_ invalid: DatasetInvalid) {
        for issue in invalid.issues { Console.status(issue.description) }
    }
}
