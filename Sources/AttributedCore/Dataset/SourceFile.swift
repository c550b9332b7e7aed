import Foundation

/// One JSON file of a dataset: its bytes (present while being read, see `FileBuffer`), with a lazily built line
/// index for error positions. Worker threads only fill, read and release disjoint ranges of `bytes`; the line index
/// is built on one thread, when issues are reported.
final class SourceFile: @unchecked Sendable {
    let name: String
    let buffer: FileBuffer
    private lazy var lineIndex: LineIndex = {
        buffer.fillAll()
        return LineIndex(buffer)
    }()

    init(name: String, bytes: [UInt8]) {
        self.name = name
        buffer = FileBuffer(copying: bytes)
    }

    init(name: String, buffer: FileBuffer) {
        self.name = name
        self.buffer = buffer
    }

    var bytes: UnsafeBufferPointer<UInt8> { buffer.bytes }

    /// The name without its directory: the dataset version must not depend on where the files are.
    var baseName: String { (name as NSString).lastPathComponent }

    func location(of offset: Int) -> (line: Int, column: Int) { lineIndex.location(of: offset) }

    /// A file, or every `*.json` file directly inside a directory, in name order so merges are deterministic.
    static func read(path: String, window: Int = FileBuffer.defaultWindow) throws(DatasetInvalid) -> [SourceFile] {
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
            if let buffer = FileBuffer(path: file, window: window) {
                files.append(SourceFile(name: file, buffer: buffer))
            } else {
                unreadable.append(ValidationIssue(file: file, message: "cannot read file"))
            }
        }
        if !unreadable.isEmpty { throw DatasetInvalid(issues: unreadable) }
        return files
    }
}
