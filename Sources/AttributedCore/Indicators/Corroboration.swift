/// `corroborated`: the propositions of one article that claims from at least two different origins state.
struct Corroboration {
    private struct Statement {
        var propositionHash: UInt64
        var proposition: StringArena.Reference
        var origin: UInt32
    }

    /// Reused from article to article, so that counting allocates only while the largest article grows it.
    private var statements: [Statement] = []

    mutating func count(_ claimOrdinals: ArraySlice<UInt32>, in claims: ClaimTable) -> UInt32 {
        statements.removeAll(keepingCapacity: true)
        for ordinal in claimOrdinals {
            let record = claims.records[Int(ordinal)]
            let origin = claims.links[Int(record.firstLink + record.linkCount - 1)].source
            let hash = claims.strings.withBytes(record.proposition) { bytes in
                var hash = Hash64()
                hash.combine(UnsafeRawBufferPointer(bytes))
                return hash.value
            }
            statements.append(Statement(propositionHash: hash, proposition: record.proposition, origin: origin))
        }
        // By proposition (its hash first, its bytes only to part two that collide), then by origin: each group's
        // distinct origins are then adjacent.
        statements.sort { a, b in
            if a.propositionHash != b.propositionHash { return a.propositionHash < b.propositionHash }
            let order = Self.compare(a.proposition, b.proposition, in: claims.strings)
            return order != 0 ? order < 0 : a.origin < b.origin
        }
        var corroborated: UInt32 = 0
        var start = 0
        while start < statements.count {
            var end = start + 1
            var origins = 1
            while end < statements.count, statements[end].propositionHash == statements[start].propositionHash,
                  Self.compare(statements[end].proposition, statements[start].proposition, in: claims.strings) == 0 {
                if statements[end].origin != statements[end - 1].origin { origins += 1 }
                end += 1
            }
            if origins >= 2 { corroborated += 1 }
            start = end
        }
        return corroborated
    }

    private static func compare(_ a: StringArena.Reference, _ b: StringArena.Reference, in strings: StringArena) -> Int {
        if a == b { return 0 }
        return strings.withBytes(a) { a in
            strings.withBytes(b) { b in a.elementsEqual(b) ? 0 : a.lexicographicallyPrecedes(b) ? -1 : 1 }
        }
    }
}
