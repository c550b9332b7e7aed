/// An entity as one flat CSV row: its fields, lists joined by ` | `, a document's `issuer`, `recipients` and `date`
/// (empty for any other kind), and the counts its JSON computes.
enum EntityCSV {
    static let columns = [
        "id", "kind", "name", "descriptor", "aliases", "anonymity", "anonymity_reason", "affiliation", "roles", "issuer",
        "recipients", "date", "claims_as_source", "claims_as_subject",
    ]

    static func write(_ ordinal: Int, of store: Store, into out: inout CSVOutput) {
        let entity = store.entities[ordinal]
        out.cell(entity.id)
        out.cell(entity.kind.rawValue)
        out.cell(entity.name)
        out.cell(entity.descriptor)
        out.cell(joining: entity.aliases)
        out.cell(entity.anonymity.rawValue)
        out.cell(entity.anonymityReason)
        out.cell(entity.affiliation)
        out.cell(joining: entity.roles)
        out.cell(entity.document?.issuer)
        out.cell(joining: entity.document?.recipients ?? [])
        out.cell(entity.document?.date)
        out.cell(store.filters.claimsBySource[ordinal].count)
        out.cell(store.filters.claimsBySubject[ordinal].count)
        out.endRow()
    }
}
