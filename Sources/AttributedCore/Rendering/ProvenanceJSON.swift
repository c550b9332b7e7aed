/// The chain from the publication down to the origin, each link with its entities inlined, plus every entity the
/// response mentions (subjects, sources, recipients, and what those point at), so one request renders the chain.
final class ProvenanceJSON: Sendable {
    let claim: ClaimJSON
    /// Each entity's prerendered body.
    let entityBodies: EntityBodies

    init(claim: ClaimJSON, entityBodies: EntityBodies) {
        self.claim = claim
        self.entityBodies = entityBodies
    }

    func write(_ ordinal: Int, into out: inout JSONOutput) {
        // `claim.claims` is read in place throughout: a local copy of the table would retain each of its arrays.
        let record = claim.claims.records[ordinal]
        out.raw(#"{"claim":"#)
        claim.write(ordinal, into: &out)
        out.raw(#","chain":["#)
        claim.claims.withFieldText(of: record) { text in
            for (position, link) in claim.claims.chain(of: record).enumerated() {
                if position > 0 { out.raw(",") }
                out.raw(#"{"position":"#)
                out.int(position)
                out.raw(#","source":"#)
                entityBodies.write(Int(link.source), into: &out)
                claim.writeLinkFields(link, in: text, into: &out) { recipient, out in entityBodies.write(Int(recipient), into: &out) }
                out.raw("}")
            }
        }
        out.raw(#"],"entities":{"#)
        withMentionedEntities(of: record) { entities in
            for (index, entity) in entities.enumerated() {
                if index > 0 { out.raw(",") }
                claim.entityIds.write(Int(entity), into: &out)
                out.raw(":")
                entityBodies.write(Int(entity), into: &out)
            }
        }
        out.raw("}}")
    }

    /// Entity ordinals in ascending order, which is id order, each once. Gathered in a buffer on the stack: this
    /// runs for every claim at load (for its ETag) and for every chain served.
    func withMentionedEntities<R>(of record: ClaimRecord, _ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        let chain = claim.claims.chain(of: record)
        let subjects = claim.claims.subjectOrdinals(of: record)
        var capacity = subjects.count + 2 * chain.count
        for ordinal in subjects { capacity += entityBodies.related(Int(ordinal)).count }
        for link in chain {
            capacity += entityBodies.related(Int(link.source)).count
            if link.recipient != LinkRecord.noEntity { capacity += entityBodies.related(Int(link.recipient)).count }
        }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { buffer in
            var count = 0
            func add(_ ordinal: UInt32) {
                buffer[count] = ordinal
                count += 1
            }
            func addWithRelated(_ ordinal: UInt32) {
                add(ordinal)
                for related in entityBodies.related(Int(ordinal)) { add(related) }
            }
            for ordinal in subjects { addWithRelated(ordinal) }
            for link in chain {
                addWithRelated(link.source)
                if link.recipient != LinkRecord.noEntity { addWithRelated(link.recipient) }
            }
            var gathered = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
            gathered.sort()
            var distinct = 0
            for ordinal in gathered where distinct == 0 || gathered[distinct - 1] != ordinal {
                gathered[distinct] = ordinal
                distinct += 1
            }
            return body(UnsafeBufferPointer(rebasing: gathered[..<distinct]))
        }
    }
}
