import Foundation

/// One JSON file of a dataset, as bytes, with a lazily built line index for error positions.
/// Worker threads only read `bytes`; the line index is built on one thread, when issues are reported.
final class SourceFile: @unchecked Sendable {
    let name: String
    let bytes: [UInt8]
    private lazy var lineIndex = LineIndex(bytes: bytes)

    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The name without its directory: the dataset version must not depend on where the files are.
    var baseName: String { (name as NSString).lastPathComponent }

    func location(of offset: Int) -> (line: Int, column: Int) { lineIndex.location(of: offset) }

    /// A file, or every `*.json` file directly inside a directory, in name order so merges are deterministic.
    static func read(path: String) throws(DatasetInvalid) -> [SourceFile] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetInvalid(issues: [ValidationIssue(file: path, message: "no such file or directory")])
        }
        var paths = [path]
        if isDirectory.boolValue {
            let names: [String]
            do { names = try manager.contentsOfDirectory(atPath: path) } catch {
                throw DatasetInvalid(issues: [ValidationIssue(file: path, message: "cannot list directory")])
            }
            paths = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            if paths.isEmpty {
                throw DatasetInvalid(issues: [ValidationIssue(file: path, message: "directory holds no .json file")])
            }
        }
        var files: [SourceFile] = []
        var unreadable: [ValidationIssue] = []
        for file in paths {
            if let bytes = readBytes(file) {
                files.append(SourceFile(name: file, bytes: bytes))
            } else {
                unreadable.append(ValidationIssue(file: file, message: "cannot read file"))
            }
        }
        if !unreadable.isEmpty { throw DatasetInvalid(issues: unreadable) }
        return files
    }
}

/// The whole file in one array, read straight into it (going through `Data` would hold it twice).
private func readBytes(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    let size = Int(status.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        var done = 0
        while done < size {
            let got = read(descriptor, buffer.baseAddress! + done, size - done)
            if got < 0, errno == EINTR { continue }
            if got <= 0 { break }
            done += got
        }
        failed = done != size
        count = done
    }
    return failed ? nil : bytes
}
