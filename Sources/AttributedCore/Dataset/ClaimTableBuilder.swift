/// Turns decoded claims into compact records. Each worker thread fills its own builder; the loader then merges
/// them in record order, drops duplicate ids and sorts by id.
struct ClaimTableBuilder {
    private(set) var records: [ClaimRecord] = []
    private(set) var links: [LinkRecord] = []
    private(set) var subjects: [UInt32] = []
    private(set) var strings = StringArena()

    let articleOrdinals: [String: Int]
    let entityOrdinals: [String: Int]
    let entityAnonymity: [Anonymity]

    init(articleOrdinals: [String: Int] = [:], entityOrdinals: [String: Int] = [:], entityAnonymity: [Anonymity] = []) {
        self.articleOrdinals = articleOrdinals
        self.entityOrdinals = entityOrdinals
        self.entityAnonymity = entityAnonymity
    }

    /// A claim that refers to an entity or article which failed its own checks is left out: the load fails anyway.
    mutating func append(_ decoded: DecodedClaim) {
        let claim = decoded.claim
        guard let article = articleOrdinals[claim.article] else { return }
        let span = decoded.spanBytes
        let firstLink = UInt32(links.count)
        var weakest = Anonymity.named
        var modes: UInt16 = 0
        for (link, cueBytes) in zip(claim.chain, decoded.cueBytes) {
            guard let source = entityOrdinals[link.source].map(UInt32.init) else { return rollBack(links: firstLink) }
            var recipient = LinkRecord.noEntity
            if let id = link.recipient {
                guard let ordinal = entityOrdinals[id] else { return rollBack(links: firstLink) }
                recipient = UInt32(ordinal)
            }
            weakest = max(weakest, entityAnonymity[Int(source)])
            modes |= link.mode.bit
            var record = LinkRecord(source: source, recipient: recipient, cueStart: LinkRecord.noEntity, cueEnd: 0,
                                    cueByteStart: 0, cueByteEnd: 0, mode: link.mode, attributionType: link.attributionType,
                                    factuality: link.factuality, derivation: link.derivation)
            if let cue = link.cue, let bytes = cueBytes {
                record.cueStart = UInt32(cue.start)
                record.cueEnd = UInt32(cue.end)
                record.cueByteStart = UInt32(bytes.lowerBound)
                record.cueByteEnd = UInt32(bytes.upperBound)
            }
            links.append(record)
        }
        let firstSubject = UInt32(subjects.count)
        for subject in claim.about {
            guard let ordinal = entityOrdinals[subject] else {
                subjects.removeSubrange(Int(firstSubject)...)
                return rollBack(links: firstLink)
            }
            subjects.append(UInt32(ordinal))
        }
        records.append(ClaimRecord(
            id: strings.append(claim.id), text: strings.append(claim.text), proposition: strings.append(claim.proposition),
            article: UInt32(article), field: claim.span.field,
            summaryIndex: UInt32(claim.span.index ?? 0), start: UInt32(claim.span.start), end: UInt32(claim.span.end),
            byteStart: UInt32(span.lowerBound), byteEnd: UInt32(span.upperBound),
            prefixBytes: UInt32(claim.span.prefix.utf8.count), suffixBytes: UInt32(claim.span.suffix.utf8.count),
            firstLink: firstLink, linkCount: UInt32(claim.chain.count), firstSubject: firstSubject,
            subjectCount: UInt32(claim.about.count), weakestAnonymity: weakest, modes: modes))
    }

    private mutating func rollBack(links first: UInt32) {
        links.removeSubrange(Int(first)...)
    }

    /// The workers' builders merged in order. The result's room is reserved whole first (its pages are only touched
    /// as they are written) and each part is freed, and its memory given back, as soon as it is copied: the merge
    /// holds about one copy of the claims, not two.
    static func merged(_ parts: inout [ClaimTableBuilder]) -> ClaimTableBuilder {
        guard var merged = parts.first.map({ ClaimTableBuilder(articleOrdinals: $0.articleOrdinals, entityOrdinals: $0.entityOrdinals,
                                                               entityAnonymity: $0.entityAnonymity) })
        else { return ClaimTableBuilder() }
        merged.records.reserveCapacity(parts.reduce(0) { $0 + $1.records.count })
        merged.links.reserveCapacity(parts.reduce(0) { $0 + $1.links.count })
        merged.subjects.reserveCapacity(parts.reduce(0) { $0 + $1.subjects.count })
        merged.strings.reserveCapacity(parts.reduce(0) { $0 + $1.strings.bytes.count })
        for index in parts.indices {
            merged.append(contentsOf: parts[index])
            parts[index] = ClaimTableBuilder()
            Allocator.returnFreedMemory()
        }
        return merged
    }

    /// Takes over another builder's claims, after this one's.
    private mutating func append(contentsOf other: ClaimTableBuilder) {
        let linkShift = UInt32(links.count)
        let subjectShift = UInt32(subjects.count)
        let stringShift = strings.append(contentsOf: other.strings)
        links += other.links
        subjects += other.subjects
        for var record in other.records {
            record.firstLink += linkShift
            record.firstSubject += subjectShift
            record.id.offset += stringShift
            record.text.offset += stringShift
            record.proposition.offset += stringShift
            records.append(record)
        }
    }

    /// The table sorted by id (stable, so of two equal ids the first in record order comes first), and whether an
    /// id repeats: then the load fails, with every repeat reported by a full check.
    consuming func build(articles: [Article], entityIds: [String]) -> (table: ClaimTable, repeatedIds: Bool) {
        let strings = self.strings
        let records = self.records
        self.records = []
        var repeated = false
        let sorted = strings.bytes.withUnsafeBufferPointer { arena -> [ClaimRecord] in
            func id(_ record: ClaimRecord) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: arena[Int(record.id.offset)..<Int(record.id.offset + record.id.length)])
            }
            func precedes(_ a: ClaimRecord, _ b: ClaimRecord) -> Bool { id(a).lexicographicallyPrecedes(id(b)) }
            // Corpora are usually written in id order: then there is nothing to sort, and no id can repeat.
            if zip(records, records.dropFirst()).allSatisfy({ precedes($0, $1) }) { return records }
            let sorted = records.sorted(by: precedes)
            repeated = zip(sorted, sorted.dropFirst()).contains { id($0).elementsEqual(id($1)) }
            return sorted
        }
        let table = ClaimTable(records: sorted, links: links, subjects: subjects, strings: strings, articles: articles,
                               entityIds: entityIds)
        return (table, repeated)
    }
}
