import AttributedCore
import AttributedServer
import Foundation

/// What `serve --tokens` checks and opens before it takes writes.
enum WriteSetup {
    static func checkWritableDirectory(_ path: String?) throws(WriteSetupError) {
        guard let path else {
            throw WriteSetupError("--tokens needs --data DIR: writes are kept in the dataset directory, and the built-in seed has none")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WriteSetupError("--tokens needs --data to be a directory (writes are journalled inside it); \(path) is not one")
        }
        guard access(path, W_OK) == 0 else {
            throw WriteSetupError("--tokens needs --data to be a writable directory; \(path) is not writable")
        }
    }

    static func registry(_ path: String) throws(WriteSetupError) -> TokenRegistry {
        do { return TokenRegistry(try TokenFile.read(path: path)) } catch { throw WriteSetupError("\(error)") }
    }

    /// Opens the journal, lays it over the base files, and publishes every later commit to the server.
    static func openWriter(directory: String, server: HTTPServer, compactAfter: Int?, historyRetention: Double?) throws -> DatasetWriter {
        let journal = try FileJournal(directory: directory)
        let history = try History(store: FileHistory(directory: directory), retention: historyRetention)
        if let dropped = history.droppedTail { Console.status("warning: \(dropped)") }
        let writer = try DatasetWriter(base: .path(directory), journal: journal, history: history, compactAfter: compactAfter, compacted: { result in
            switch result {
            case .success(let report):
                Console.status("compacted \(counted(report.entries, "write")) into \(counted(report.rewrittenFiles.count, "file")) "
                               + "of \(directory) (version \(report.version))")
            case .failure(let error):
                Console.status("error: compacting \(directory) failed, the journal keeps every write: \(error)")
            }
        }) { store in
            do { try server.serve(store) } catch { Console.status("error: a committed store could not be served: \(error)") }
        }
        if let dropped = writer.droppedTail { Console.status("warning: \(dropped)") }
        return writer
    }
}

struct WriteSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
