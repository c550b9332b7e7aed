/// Derives the changes of journal entries the history does not hold yet: the writer appends a commit's changes
/// right after the journal's sync, and a crash between the two leaves them only in the journal. Run when a
/// writer opens and before `compact` empties the journal, so no acknowledged write is ever missing from it.
enum HistoryCatchUp {
    static func run(_ history: History, base: DatasetBase, entries: [JournalEntry], current: Store) throws {
        let known = history.lastJournalSeq
        guard let first = entries.firstIndex(where: { $0.seq > known }) else { return }
        var before = Store(try base.load(overlays: entries[..<first].map(\.overlay)))
        var start = first
        while start < entries.count {
            // Entries that touch different records, as a commit groups them: one store built per group.
            var end = start + 1
            while end < entries.count, !entries[start..<end].contains(where: { overlaps($0, entries[end]) }) { end += 1 }
            let after = end == entries.count ? current : Store(try base.load(overlays: entries[..<end].map(\.overlay)))
            var derivation = ChangeDerivation(history: history)
            try history.append(derivation.changes(of: Array(entries[start..<end]), before: before, after: after))
            before = after
            start = end
        }
    }

    private static func overlaps(_ one: JournalEntry, _ other: JournalEntry) -> Bool {
        !Set(one.articles).isDisjoint(with: other.articles) || !Set(one.entities).isDisjoint(with: other.entities)
    }
}
