/// A claim as one flat CSV row. A span of several segments keeps its covering range in `start` and `end` (as the
/// JSON's `span` does), lists each segment's `start-end` in `segments` (space-separated), and joins the segments'
/// quoted words with ` … ` in `exact`: the words between the segments are the attribution, not the quote. The
/// chain's `cues` and `modes` have one entry per link, publication first (a link without a cue an empty entry).
enum ClaimCSV {
    static let columns = [
        "id", "article", "field", "index", "start", "end", "segments", "exact", "text", "depth", "origin", "origin_name",
        "origin_descriptor", "origin_anonymity", "weakest_anonymity", "cues", "modes", "origin_factuality", "proposition",
        "about",
    ]

    static let segmentSeparator = " … "

    static func write(_ ordinal: Int, of store: Store, into out: inout CSVOutput) {
        let claims = store.claims
        let record = claims.records[ordinal]
        let chain = claims.chain(of: record)
        let origin = chain.last.map { store.entities[Int($0.source)] }
        claims.withFieldText(of: record) { text in
            claims.strings.withBytes(record.id) { out.cell(utf8: $0) }
            out.cell(claims.articles[Int(record.article)].id)
            out.cell(record.field.rawValue)
            out.cell(record.field == .summary ? String(record.summaryIndex) : nil)
            out.cell(Int(record.span.start))
            out.cell(Int(record.span.end))
            claims.withSegments(of: ordinal) { segments in
                out.cell(segments.map { "\($0.start)-\($0.end)" }.joined(separator: " "))
                out.cell(segments.map { ClaimTable.string(text, $0.bytes) }.joined(separator: segmentSeparator))
            }
            claims.strings.withBytes(record.text) { out.cell(utf8: $0) }
            out.cell(Int(record.linkCount))
            out.cell(origin?.id)
            out.cell(origin?.name)
            out.cell(origin?.descriptor)
            out.cell(origin?.anonymity.rawValue)
            out.cell(record.weakestAnonymity.rawValue)
            out.cell(joining: chain.map { $0.hasCue ? ClaimTable.string(text, Int($0.cueByteStart)..<Int($0.cueByteEnd)) : "" })
            out.cell(joining: chain.map(\.mode.rawValue))
            out.cell(chain.last?.factuality.rawValue)
            claims.strings.withBytes(record.proposition) { out.cell(utf8: $0) }
            out.cell(joining: claims.subjectOrdinals(of: record).map { claims.entityIds[Int($0)] })
            out.endRow()
        }
    }
}
