import ArgumentParser
import AttributedCore
import Foundation

struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, list and revoke the API tokens of the write API.",
        discussion: """
            The tokens file keeps only each secret's SHA-256 hash, so a copy of it grants nothing; it is written \
            atomically and readable by its owner only.
            """,
        subcommands: [Create.self, List.self, Revoke.self]
    )

    /// --tokens FILE, which every subcommand takes.
    struct FileOption: ParsableArguments {
        @Option(name: .customLong("tokens"), help: ArgumentHelp("The tokens file.", valueName: "file"))
        var path: String
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a token and print its secret, once, on standard output (only its hash is stored).",
            discussion: "The file is created if there is none yet."
        )

        @Argument(help: "A unique name for the token: 1 to 64 of A-Z a-z 0-9 . _ -")
        var name: String

        @Option(help: "read or write.")
        var scope: TokenScope

        @Option(name: .customLong("publisher"), help: ArgumentHelp(
            "A publisher entity id whose articles the token may write; repeat for several. Default: any publisher.",
            valueName: "id"))
        var publishers: [String] = []

        @OptionGroup var file: FileOption

        func run() throws {
            let secret = try changing(file.path, read: TokenFile.readOrEmpty) { tokens in
                try tokens.create(name: name, scope: scope, publishers: publishers.isEmpty ? nil : publishers, now: Date())
            }
            // The secret alone on stdout, so that `$(attributed token create ...)` captures exactly it.
            Console.output(secret)
            Console.status("created \(scope.rawValue) token \"\(name)\" in \(file.path): keep the secret above, it is not shown again")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one line per token: name, scope, publishers (* for any) and when it was created."
        )

        @OptionGroup var file: FileOption

        func run() throws {
            let tokens = try reporting { try TokenFile.read(path: file.path) }.tokens
            let width = tokens.map(\.name.count).max() ?? 0
            for token in tokens {
                let name = token.name.padding(toLength: width, withPad: " ", startingAt: 0)
                let scope = token.scope.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)
                Console.output("\(name)  \(scope)  \(token.publishers?.joined(separator: ",") ?? "*")  \(token.created)")
            }
            if tokens.isEmpty { Console.status("no tokens in \(file.path)") }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a token: its secret stops working once the server has reread the file."
        )

        @Argument(help: "The token's name.")
        var name: String

        @OptionGroup var file: FileOption

        func run() throws {
            try changing(file.path, read: TokenFile.read) { tokens in try tokens.revoke(name: name) }
            Console.status("revoked token \"\(name)\" in \(file.path)")
        }
    }
}

extension TokenScope: ExpressibleByArgument {}

/// Reads the file, changes it and writes it back; any problem is printed and ends the command with exit code 1.
private func changing<Result>(
    _ path: String, read: (String) throws -> TokenFile, _ change: (inout TokenFile) throws -> Result
) throws -> Result {
    try reporting {
        var tokens = try read(path)
        let result = try change(&tokens)
        try tokens.write(path: path)
        return result
    }
}

/// The tokens file's problems on stderr, as "attributed: error: ...", and exit code 1.
private func reporting<Result>(_ body: () throws -> Result) throws -> Result {
    do {
        return try body()
    } catch let error as TokenFileError {
        Console.status("error: \(error.description)")
        throw ExitCode.failure
    }
}
