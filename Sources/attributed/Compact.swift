import ArgumentParser
import AttributedCore

struct Compact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fold a dataset directory's journal of writes into its files, and empty the journal.",
        discussion: """
            Each file is rewritten in canonical form with what the writes left of its records (replaced articles \
            stay in their file, deleted ones go); articles and entities that writes created go to written.json. \
            Every file is replaced atomically and the journal is emptied last, so a crash at any point loses nothing. \
            Refused while a server takes writes on the directory (it holds the journal's lock).
            """
    )

    @Argument(help: "A dataset directory (one that `serve --tokens` writes to).")
    var directory: String

    @Option(name: .customLong("history-retention"),
            help: "Also drop from attributed.history the changes older than this (90d, 12h, 30m, seconds), but each article's last revision.")
    var historyRetention: String?

    func validate() throws {
        guard historyRetention.map({ RetentionPeriod.seconds($0) != nil }) ?? true else {
            throw ValidationError("--history-retention must be a duration such as 90d, 12h, 30m or 3600")
        }
    }

    func run() throws {
        do {
            let report = try Compaction.compact(directory: directory, historyRetention: historyRetention.flatMap(RetentionPeriod.seconds))
            guard report.entries > 0 else {
                Console.output("\(directory): the journal is empty; nothing to fold in")
                return
            }
            Console.output("\(directory): folded \(counted(report.entries, "write")) into "
                           + "\(counted(report.rewrittenFiles.count, "file")) (version \(report.version)); the journal is empty")
        } catch let invalid as DatasetInvalid {
            Console.output(invalid.description)
            throw ExitCode.failure
        } catch {
            Console.output("error: \(error)")
            throw ExitCode.failure
        }
    }
}
