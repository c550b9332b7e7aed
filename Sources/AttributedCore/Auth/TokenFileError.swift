/// Why a tokens file could not be read, written or changed: one line for people, naming the file and the problem.
public struct TokenFileError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
