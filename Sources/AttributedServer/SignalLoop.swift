import Glibc

/// SIGINT/SIGTERM stop the server gracefully, SIGHUP reloads the dataset and SIGUSR1 reopens the access log (after
/// logrotate moved it), all handled on the main thread
/// with sigwait. The signals are blocked first so that every thread started later (MHD's workers) inherits
/// the mask and none of them is killed by a signal meant for the process.
public enum SignalLoop {
    public static func blockSignals() {
        signal(SIGPIPE, SIG_IGN)  // a closed stdout/stderr pipe must not kill the server
        var set = handledSignals
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Waits for signals, calling `reload` on SIGHUP and `reopenLogs` on SIGUSR1, and returns on SIGINT or SIGTERM.
    public static func waitForTermination(reload: () -> Void, reopenLogs: () -> Void = {}) {
        var set = handledSignals
        while true {
            var received: Int32 = 0
            guard sigwait(&set, &received) == 0 else { continue }
            switch received {
            case SIGHUP: reload()
            case SIGUSR1: reopenLogs()
            default: return
            }
        }
    }

    private static var handledSignals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for handled in [SIGINT, SIGTERM, SIGHUP, SIGUSR1] { sigaddset(&set, handled) }
        return set
    }
}
