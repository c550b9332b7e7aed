import Glibc

/// Whether the process may open as many sockets as its connection limit promises. Shells, systemd and container
/// runtimes often start a service with a soft limit of 1024 even when the hard limit is far higher, and then
/// `--max-connections 4096` would fail at accept with EMFILE. The soft limit is raised towards what is needed
/// (never above the hard limit, which only privilege can raise), and the result is reported.
public struct FileDescriptorBudget: Sendable {
    /// Descriptors beyond the connections: stdio, the listening socket, each worker's epoll and ITC pair, the dataset
    /// files a reload reads.
    public static let margin = 64

    public let needed: Int
    public let available: Int
    public var isEnough: Bool { available >= needed }

    /// Raises the soft RLIMIT_NOFILE to `connections + margin`, or to the hard limit when that is lower; never lowers it.
    public static func raise(toServe connections: Int) -> FileDescriptorBudget {
        let needed = connections + margin
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else {
            return FileDescriptorBudget(needed: needed, available: 0)
        }
        let wanted = min(rlim_t(needed), limit.rlim_max)  // RLIM_INFINITY is the largest rlim_t
        if limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = wanted
            if setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return FileDescriptorBudget(needed: needed, available: Int(clamping: limit.rlim_cur))
    }
}
