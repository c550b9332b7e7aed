import ArgumentParser
import AttributedCore
import Foundation

struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Print a dataset in canonical form: every default and offset written out, one record per line.",
        discussion: """
            The canonical form loads and serves exactly what the dataset as written does. Keys come in a fixed order \
            and each article, entity and claim takes one line, so that a dataset kept in git diffs by record. A \
            directory's files are printed one after the other, each under a "==> FILE <==" line. Only a valid \
            dataset has a canonical form: otherwise its problems are listed, as by `validate`, and the exit code is 1.
            """
    )

    @Argument(help: "A dataset JSON file or a directory of them.")
    var path: String

    @Flag(help: "Rewrite the files that are not in canonical form, instead of printing.")
    var write = false

    @Flag(help: "Print the files that are not in canonical form and exit 1 if there is any (for CI); change nothing.")
    var check = false

    func validate() throws {
        guard !(write && check) else { throw ValidationError("--write and --check exclude each other") }
    }

    func run() throws {
        // The base files alone are not the dataset once writes are journalled: formatting them would show (or write)
        // what the journal has replaced. Folding the journal in first makes the files the whole dataset again.
        if DatasetDirectory.hasJournal(path), (try? DatasetDirectory.journalEntries(path)) ?? 1 > 0 {
            Console.output("\(path) has writes in its journal (\(FileJournal.fileName)) not yet in its files: run "
                           + "`attributed compact \(path)` first (with no server taking writes on it)")
            throw ExitCode.failure
        }
        let files: [CanonicalFile]
        do {
            files = try CanonicalFile.files(at: path)
        } catch {
            Console.output(error.description)
            throw ExitCode.failure
        }
        if check {
            let changed = files.filter { !$0.isCanonical }
            for file in changed { Console.output("\(file.name): not in canonical form (attributed fmt --write rewrites it)") }
            if !changed.isEmpty { throw ExitCode.failure }
        } else if write {
            for file in files where !file.isCanonical {
                do {
                    try Data(file.canonical).write(to: URL(fileURLWithPath: file.name), options: .atomic)
                } catch {
                    Console.status("error: cannot write \(file.name): \(error.localizedDescription)")
                    throw ExitCode.failure
                }
                Console.status("rewrote \(file.name)")
            }
        } else {
            for file in files {
                if files.count > 1 { Console.output("==> \(file.name) <==") }
                FileHandle.standardOutput.write(Data(file.canonical))
            }
        }
    }
}
