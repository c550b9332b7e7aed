import ArgumentParser

@main
struct Attributed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attributed",
        abstract: "Serve a corpus of source-attributed news claims over a read-only HTTP API.",
        subcommands: [Serve.self, Validate.self, Format.self, Token.self],
        defaultSubcommand: Serve.self
    )
}
