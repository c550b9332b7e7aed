import Glibc

/// The process figures every Prometheus client library exports under these names (`process_*`), read from the
/// kernel at scrape time.
struct ProcessMetrics {
    var residentBytes: Double?
    var virtualBytes: Double?
    var cpuSeconds: Double
    var openDescriptors: Double?
    var maximumDescriptors: Double?

    static func current() -> ProcessMetrics {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        var limit = rlimit()
        let maximum = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 && limit.rlim_cur != rlim_t.max ? Double(limit.rlim_cur) : nil
        let pages = Self.statmPages()
        let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
        return ProcessMetrics(residentBytes: pages.map { Double($0.resident) * pageSize },
                              virtualBytes: pages.map { Double($0.size) * pageSize }, cpuSeconds: cpu,
                              openDescriptors: Self.openDescriptorCount().map(Double.init), maximumDescriptors: maximum)
    }

    /// `/proc/self/statm`: total and resident size, in pages.
    private static func statmPages() -> (size: Int, resident: Int)? {
        let descriptor = open("/proc/self/statm", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let fields = buffer[..<count].split(separator: UInt8(ascii: " ")).prefix(2).compactMap { Int(String(decoding: $0, as: UTF8.self)) }
        return fields.count == 2 ? (fields[0], fields[1]) : nil
    }

    private static func openDescriptorCount() -> Int? {
        guard let directory = opendir("/proc/self/fd") else { return nil }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            if entry.pointee.d_name.0 != CChar(UInt8(ascii: ".")) { count += 1 }
        }
        return count - 1  // the descriptor of the directory being read
    }
}
