import Glibc

/// Writes a whole file so that it is replaced at once and survives a crash: a temporary file in the same directory
/// (so that rename stays within one file system), fsync, rename over the target, then fsync the directory so that
/// the rename itself is on disk.
enum AtomicFileWriter {
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(TokenFileError) {
        let directory = directory(of: path)
        let temporary = "\(directory)/.\(basename(of: path)).\(getpid()).\(UInt32.random(in: .min ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure("cannot create \(temporary)") }
        var written = false
        defer { if !written { unlink(temporary) } }
        do {
            defer { close(descriptor) }
            // The umask may have taken bits away, never added any: fchmod makes the mode exactly `mode`.
            guard fchmod(descriptor, mode) == 0 else { throw failure("cannot set the mode of \(temporary)") }
            try writeAll(bytes, to: descriptor, path: temporary)
            guard fsync(descriptor) == 0 else { throw failure("cannot sync \(temporary)") }
        }
        guard rename(temporary, path) == 0 else { throw failure("cannot rename \(temporary) to \(path)") }
        written = true
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryDescriptor >= 0 else { throw failure("cannot open \(directory) to sync it") }
        defer { close(directoryDescriptor) }
        guard fsync(directoryDescriptor) == 0 else { throw failure("cannot sync \(directory)") }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(TokenFileError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write \(path)")
            }
            offset += count
        }
    }

    private static func failure(_ what: String) -> TokenFileError {
        TokenFileError("\(what): \(String(cString: strerror(errno)))")
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func basename(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
