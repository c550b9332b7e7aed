import Foundation

extension TokenFile {
    /// The file at `path`; a missing one is an error, since a server told to use it would otherwise let no one in
    /// without saying why.
    public static func read(path: String) throws(TokenFileError) -> TokenFile {
        guard let bytes = try readBytes(path: path) else {
            throw TokenFileError("\(path): no such file or directory")
        }
        return try decode(bytes, path: path)
    }

    /// As `read`, but a missing file is one with no tokens yet (for `token create`, which then writes it).
    public static func readOrEmpty(path: String) throws(TokenFileError) -> TokenFile {
        guard let bytes = try readBytes(path: path) else { return TokenFile() }
        return try decode(bytes, path: path)
    }

    /// Replaces the file atomically (a reader, like a server reloading on SIGHUP, sees the old file or the new one,
    /// never half of one) and durably, readable by its owner only.
    public func write(path: String) throws(TokenFileError) {
        try AtomicFileWriter.write(encoded(), to: path, mode: 0o600)
    }

    /// The file's bytes, or nil when there is no file.
    private static func readBytes(path: String) throws(TokenFileError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw TokenFileError("\(path): cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw TokenFileError("\(path): cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}
