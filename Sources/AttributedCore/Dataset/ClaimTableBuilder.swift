/// Turns decoded claims into compact records. Each worker thread fills its own builder; the loader then merges
/// them in record order, drops duplicate ids and sorts by id.
struct ClaimTableBuilder {
    private(set) var records: [ClaimRecord] = []
    private(set) var links: [LinkRecord] = []
    private(set) var subjects: [UInt32] = []
    private(set) var strings = StringArena()
    /// The segments of discontinuous spans, keyed by their claim's id offset in `strings` (unique per record, and it
    /// survives merging and sorting): the table's side list is built from them once the order is final.
    private(set) var segments: [SelectorRecord] = []
    private(set) var segmentsOfClaim: [UInt32: Range<Int>] = [:]

    let articleOrdinals: ReferenceIndex
    let entityOrdinals: ReferenceIndex
    let entityAnonymity: [Anonymity]

    init(articleOrdinals: ReferenceIndex = ReferenceIndex([]), entityOrdinals: ReferenceIndex = ReferenceIndex([]),
         entityAnonymity: [Anonymity] = []) {
        self.articleOrdinals = articleOrdinals
        self.entityOrdinals = entityOrdinals
        self.entityAnonymity = entityAnonymity
    }

    /// A claim that refers to an entity or article which failed its own checks is left out: the load fails anyway.
    mutating func append(_ claim: DecodedClaim) {
        guard let article = articleOrdinals.ordinal(of: claim.article) else { return }
        let firstLink = UInt32(links.count)
        var weakest = Anonymity.named
        var modes: UInt16 = 0
        for (link, cueBytes) in zip(claim.chain, claim.cueBytes) {
            guard let source = entityOrdinals.ordinal(of: link.source).map(UInt32.init) else { return rollBack(links: firstLink) }
            var recipient = LinkRecord.noEntity
            if let id = link.recipient {
                guard let ordinal = entityOrdinals.ordinal(of: id) else { return rollBack(links: firstLink) }
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
            guard let ordinal = entityOrdinals.ordinal(of: subject) else {
                subjects.removeSubrange(Int(firstSubject)...)
                return rollBack(links: firstLink)
            }
            subjects.append(UInt32(ordinal))
        }
        let id = strings.append(claim.id)
        let discontinuous = claim.span.isDiscontinuous
        if discontinuous {
            segmentsOfClaim[id.offset] = segments.count..<segments.count + 1 + claim.span.rest.count
            segments.append(claim.span.first)
            segments += claim.span.rest
        }
        records.append(ClaimRecord(
            id: id, text: strings.append(claim.text), proposition: strings.append(claim.proposition),
            article: UInt32(article), field: claim.span.field, summaryIndex: UInt32(claim.span.index ?? 0),
            span: claim.span.covering, firstLink: firstLink, linkCount: UInt32(claim.chain.count), firstSubject: firstSubject,
            subjectCount: UInt32(claim.about.count), weakestAnonymity: weakest, isDiscontinuous: discontinuous, modes: modes))
    }

    private mutating func rollBack(links first: UInt32) {
        links.removeSubrange(Int(first)...)
    }

    /// The workers' builders merged in order. The result's room is reserved whole first (its pages are only touched
    /// as they are written) and each part is freed, and its memory given back, as soon as it is copied: the merge
    /// holds about one copy of the claims, not two.
    static func merged(_ parts: inout [ClaimTableBuilder]) -> ClaimTableBuilder {
        var merged = ClaimTableBuilder()
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
        let segmentShift = segments.count
        segments += other.segments
        for (idOffset, range) in other.segmentsOfClaim {
            segmentsOfClaim[idOffset + stringShift] = range.lowerBound + segmentShift..<range.upperBound + segmentShift
        }
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
            // Corpora are usually written in id order: then there is nothing to sort, and no id can repeat.
            if zip(records, records.dropFirst()).allSatisfy({ ByteOrder.precedes(id($0), id($1)) }) { return records }
            let ids = records.map(\.id)
            let sorted = ByteOrder.sortedPositions(count: ids.count) {
                UnsafeBufferPointer(rebasing: arena[Int(ids[$0].offset)..<Int(ids[$0].offset + ids[$0].length)])
            }.map { records[$0] }
            repeated = zip(sorted, sorted.dropFirst()).contains { id($0).hasSameBytes(as: id($1)) }
            return sorted
        }
        var spanSegments = SpanSegments()
        if !segmentsOfClaim.isEmpty {
            for (ordinal, record) in sorted.enumerated() where record.isDiscontinuous {
                spanSegments.append(claim: ordinal, segments[segmentsOfClaim[record.id.offset]!])
            }
        }
        let table = ClaimTable(records: sorted, links: links, subjects: subjects, strings: strings, segments: spanSegments,
                               articles: articles, entityIds: entityIds, fieldTexts: FieldTexts(articles))
        return (table, repeated)
    }
}
