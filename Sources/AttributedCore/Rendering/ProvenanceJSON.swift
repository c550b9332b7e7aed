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
        let claims = claim.claims
        let record = claims.records[ordinal]
        out.raw(#"{"claim":"#)
        claim.write(ordinal, into: &out)
        out.raw(#","chain":["#)
        claims.withFieldText(of: record) { text in
            for (position, link) in claims.chain(of: record).enumerated() {
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
        for (index, entity) in mentionedEntities(of: record).enumerated() {
            if index > 0 { out.raw(",") }
            claim.entityIds.write(Int(entity), into: &out)
            out.raw(":")
            entityBodies.write(Int(entity), into: &out)
        }
        out.raw("}}")
    }

    /// Entity ordinals in ascending order, which is id order. Arrays rather than sets: this runs for every claim
    /// at load (for its ETag).
    func mentionedEntities(of record: ClaimRecord) -> [UInt32] {
        let claims = claim.claims
        var direct = Array(claims.subjectOrdinals(of: record))
        for link in claims.chain(of: record) {
            direct.append(link.source)
            if link.recipient != LinkRecord.noEntity { direct.append(link.recipient) }
        }
        var all = direct
        for ordinal in direct { all += entityBodies.related[Int(ordinal)] }
        all.sort()
        var previous: UInt32?
        all.removeAll { ordinal in
            defer { previous = ordinal }
            return ordinal == previous
        }
        return all
    }
}
