import ArgumentParser
import AttributedCore

struct Salvage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite a damaged journal with every valid record, keeping a copy of it as it was.",
        discussion: """
            A server refuses to start on a journal whose damaged record is followed by valid ones: cutting there, \
            as it does with a crash's torn tail, would lose the acknowledged writes after it. This keeps the file as \
            it was (attributed.journal.damaged-TIME) and rewrites the journal with every valid record in order, \
            leaving out only the damaged stretches, each of which it names. Run `attributed validate DIR` after it: \
            a kept write may depend on one that was lost (an entity it created). Refused while a server takes \
            writes on the directory.
            """
    )

    @Argument(help: "A dataset directory with a journal.")
    var directory: String

    func run() throws {
        do {
            let report = try JournalSalvage.salvage(directory: directory)
            guard let copy = report.copy else {
                Console.output("\(directory): the journal has no damage (\(counted(report.kept, "record"))); nothing changed")
                return
            }
            for stretch in report.skipped {
                Console.output("left out \(counted(stretch.length, "byte")) at byte \(stretch.offset): the record there \(stretch.reason)")
            }
            Console.output("\(directory): kept \(counted(report.kept, "record")); the journal as it was is in \(copy)")
        } catch {
            Console.output("error: \(error)")
            throw ExitCode.failure
        }
    }
}
