/// Every entity's body, rendered once at load: entities are few next to claims, and every provenance chain
/// inlines several of them.
struct EntityBodies: Sendable {
    private let bytes: [UInt8]
    private let offsets: [Int]
    /// The entities each entity points at (affiliation, a document's issuer and recipients), as ordinals:
    /// entity i's are `relatedOrdinals[relatedStart[i] ..< relatedStart[i + 1]]`. Flat, because a provenance chain
    /// reads several entities' lists, and an array per entity would be a cold object to retain for each.
    private let relatedStart: [Int]
    private let relatedOrdinals: [UInt32]

    init(entities: [Entity], entityIndex: [String: Int], claimsAsSource: (Int) -> Int, claimsAsSubject: (Int) -> Int) {
        var output = JSONOutput(capacity: entities.count * 256)
        var offsets = [0]
        for (ordinal, entity) in entities.enumerated() {
            output.json(Self.json(entity, claimsAsSource: claimsAsSource(ordinal), claimsAsSubject: claimsAsSubject(ordinal)))
            offsets.append(output.count)
        }
        bytes = output.bytes
        self.offsets = offsets
        var relatedStart = [0]
        var relatedOrdinals: [UInt32] = []
        for entity in entities {
            var ids = entity.affiliation.map { [$0] } ?? []
            if let document = entity.document {
                if let issuer = document.issuer { ids.append(issuer) }
                ids += document.recipients
            }
            relatedOrdinals += ids.map { UInt32(entityIndex[$0]!) }
            relatedStart.append(relatedOrdinals.count)
        }
        self.relatedStart = relatedStart
        self.relatedOrdinals = relatedOrdinals
    }

    func related(_ ordinal: Int) -> ArraySlice<UInt32> { relatedOrdinals[relatedStart[ordinal]..<relatedStart[ordinal + 1]] }

    func write(_ ordinal: Int, into out: inout JSONOutput) {
        bytes.withUnsafeBufferPointer { out.raw(UnsafeBufferPointer(rebasing: $0[offsets[ordinal]..<offsets[ordinal + 1]])) }
    }

    func body(_ ordinal: Int) -> [UInt8] { Array(bytes[offsets[ordinal]..<offsets[ordinal + 1]]) }

    private static func json(_ entity: Entity, claimsAsSource: Int, claimsAsSubject: Int) -> JSON {
        .object(InputFields.entity(entity) + [("claimsAsSource", .int(claimsAsSource)), ("claimsAsSubject", .int(claimsAsSubject))])
    }
}
