import Foundation

/// One-line messages for people: status on stderr, so that stdout stays clean for data.
enum Console {
    static func status(_ message: String) {
        FileHandle.standardError.write(Data("attributed: \(message)\n".utf8))
    }

    static func output(_ message: String) {
        FileHandle.standardOutput.write(Data("\(message)\n".utf8))
    }
}
