@testable import AttributedCore
import Foundation
import FuzzSupport

/// The same files loaded from a directory with tiny read windows, so that every record and token boundary falls
/// across windows somewhere: the outcome must be the one from memory (the same version, or the same issues). The
/// files are named by their paths in memory too, so that messages naming a file ("first defined at") agree.
func checkDiskLoadMatches(_ files: [(name: String, bytes: [UInt8])], _ fromMemory: Result<Dataset, DatasetInvalid>) {
    for name in (try? FileManager.default.contentsOfDirectory(atPath: fuzzDirectory)) ?? [] {
        try? FileManager.default.removeItem(atPath: (fuzzDirectory as NSString).appendingPathComponent(name))
    }
    for file in files {
        check(FileManager.default.createFile(atPath: file.name, contents: Data(file.bytes)), "cannot write \(file.name)")
    }
    let fromDisk = Result { () throws(DatasetInvalid) in try DatasetLoader.load(SourceFile.read(path: fuzzDirectory, window: 64)) }
    switch (fromMemory, fromDisk) {
    case (.success(let memory), .success(let disk)):
        check(memory.version == disk.version, "another version from disk")
    case (.failure(let memory), .failure(let disk)):
        check(memory.issues == disk.issues, "other issues from disk: \(disk) rather than \(memory)")
    default:
        fatalError("from memory \(fromMemory), from disk \(fromDisk)")
    }
}

/// Where the files of an input are written: one directory per process, in TMPDIR (run.sh points it at its own
/// temporary directory).
let fuzzDirectory: String = {
    let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("attributed-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()
