import ArgumentParser

@main
struct Attributed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attributed",
        abstract: "Serve a corpus of source-attributed news claims over HTTP, and keep what newsroom tools write to it.",
        subcommands: [Serve.self, Validate.self, Format.self, Compact.self, Salvage.self, Token.self],
        defaultSubcommand: Serve.self
    )
}
