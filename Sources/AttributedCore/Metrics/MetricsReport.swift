/// The whole `/metrics` page: requests and their durations, connections, the dataset being served, reloads, the
/// build, and the process.
enum MetricsReport {
    static func text(_ metrics: ServerMetrics, store: Store?) -> String {
        var out = PrometheusExposition()
        writeRequests(metrics, into: &out)
        writeDataset(store, metrics, into: &out)
        metrics.writes?.write(into: &out)
        metrics.feed.write(into: &out)
        out.family("attributed_build_info", .gauge, help: "The running binary: API version and Swift compiler (always 1).")
        out.sample("attributed_build_info", ["version": BuildInfo.version, "swift": BuildInfo.swiftVersion], 1)
        writeProcess(metrics, into: &out)
        return out.text
    }

    private static func writeRequests(_ metrics: ServerMetrics, into out: inout PrometheusExposition) {
        out.family("attributed_http_requests_total", .counter,
                   help: "HTTP requests answered, by route template, method and status code.")
        for entry in metrics.requests.requestCounts() {
            out.sample("attributed_http_requests_total", ["route": entry.route, "method": entry.method, "code": entry.code],
                       Double(entry.count))
        }
        let histogram = "attributed_http_request_duration_seconds"
        out.family(histogram, .histogram,
                   help: "Time from reading a request's first line to queueing its response, by route template.")
        for (route, durations) in metrics.requests.durationHistograms() {
            for (bound, count) in zip(RequestMetrics.bucketBounds.map(PrometheusExposition.format) + ["+Inf"],
                                      durations.cumulativeCounts) {
                out.sample(histogram + "_bucket", ["route": route, "le": bound], Double(count))
            }
            out.sample(histogram + "_sum", ["route": route], durations.sumSeconds)
            out.sample(histogram + "_count", ["route": route], Double(durations.count))
        }
        out.single("attributed_http_requests_in_flight", .gauge, help: "Requests being answered now.",
                   Double(metrics.inFlight.load(ordering: .relaxed)))
        out.single("attributed_http_connections_open", .gauge, help: "Open client connections.",
                   Double(metrics.openConnections.load(ordering: .relaxed)))
        out.single("attributed_exports_open", .gauge, help: "Bulk exports (format=ndjson or csv) being streamed now.",
                   Double(metrics.exportsOpen.load(ordering: .relaxed)))
        out.family("attributed_exports_total", .counter,
                   help: "Bulk exports whose stream was freed, by outcome: complete (every row sent) or abandoned (the client left first, or HEAD).")
        for (outcome, complete) in [("complete", true), ("abandoned", false)] {
            out.sample("attributed_exports_total", ["outcome": outcome], Double(metrics.exportsEnded(complete: complete)))
        }
        out.single("attributed_access_log_dropped_lines_total", .counter,
                   help: "Access-log lines lost because the log's disk could not keep up or could not be written.",
                   Double(metrics.accessLogDroppedLines.load(ordering: .relaxed)))
    }

    private static func writeDataset(_ store: Store?, _ metrics: ServerMetrics, into out: inout PrometheusExposition) {
        out.family("attributed_dataset_info", .gauge, help: "The dataset being served: its version (always 1; absent before the first load).")
        if let store { out.sample("attributed_dataset_info", ["version": store.version], 1) }
        let counts = store?.counts
        out.single("attributed_dataset_articles", .gauge, help: "Articles in the dataset being served.", Double(counts?.articles ?? 0))
        out.single("attributed_dataset_entities", .gauge, help: "Entities in the dataset being served.", Double(counts?.entities ?? 0))
        out.single("attributed_dataset_claims", .gauge, help: "Claims in the dataset being served.", Double(counts?.claims ?? 0))
        if let load = metrics.load {
            out.single("attributed_dataset_load_duration_seconds", .gauge,
                       help: "How long reading, validating and indexing the dataset being served took.", load.seconds)
            out.single("attributed_dataset_loaded_timestamp_seconds", .gauge,
                       help: "When the dataset being served was loaded (Unix time).", load.at)
        }
        out.family("attributed_dataset_reloads_total", .counter,
                   help: "Reloads (SIGHUP) by outcome: ok (the new dataset serves) or refused (the old one is kept).")
        for outcome in ServerMetrics.ReloadOutcome.allCases {
            out.sample("attributed_dataset_reloads_total", ["outcome": outcome.label], Double(metrics.reloads(outcome)))
        }
    }

    private static func writeProcess(_ metrics: ServerMetrics, into out: inout PrometheusExposition) {
        let process = ProcessMetrics.current()
        out.single("process_cpu_seconds_total", .counter, help: "User and system CPU time spent, in seconds.", process.cpuSeconds)
        if let resident = process.residentBytes {
            out.single("process_resident_memory_bytes", .gauge, help: "Resident memory size in bytes.", resident)
        }
        if let virtual = process.virtualBytes {
            out.single("process_virtual_memory_bytes", .gauge, help: "Virtual memory size in bytes.", virtual)
        }
        if let open = process.openDescriptors {
            out.single("process_open_fds", .gauge, help: "Open file descriptors.", open)
        }
        if let maximum = process.maximumDescriptors {
            out.single("process_max_fds", .gauge, help: "The limit on open file descriptors.", maximum)
        }
        out.single("process_start_time_seconds", .gauge, help: "When the process started (Unix time).", metrics.startedAt)
    }
}
