import ArgumentParser
import AttributedCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dataset and list every problem, one per line (exit code 1 if there is any)."
    )

    @Argument(help: "A dataset JSON file or a directory of them.")
    var path: String

    func run() throws {
        do {
            let (dataset, droppedTail) = try DatasetDirectory.load(path: path)
            if let droppedTail { Console.status("warning: \(droppedTail)") }
            let journalled = DatasetDirectory.hasJournal(path) ? " with its journal" : ""
            Console.output("\(path)\(journalled): valid: \(counted(dataset.articles.count, "article")), "
                + "\(counted(dataset.entities.count, "entity", "entities")), \(counted(dataset.claims.count, "claim")) "
                + "(version \(dataset.version))")
        } catch {
            Console.output(error.description)
            throw ExitCode.failure
        }
    }
}
