/// The segments of discontinuous spans, beside the claim records rather than in them, so that the common contiguous
/// span costs nothing: only claims whose span has several segments are listed (ordinals ascending, compressed-row
/// style), and a claim's record says whether to look here at all.
struct SpanSegments: Sendable {
    private var claims: [UInt32] = []
    /// The segments of `claims[i]` are `segments[firstSegment[i] ..< firstSegment[i + 1]]`.
    private var firstSegment: [UInt32] = [0]
    private var segments: [SelectorRecord] = []

    /// Claims must be appended in ordinal order.
    mutating func append(claim ordinal: Int, _ claimSegments: some Collection<SelectorRecord>) {
        precondition(claims.last.map { Int($0) < ordinal } ?? true, "segments are appended in claim order")
        claims.append(UInt32(ordinal))
        segments += claimSegments
        firstSegment.append(UInt32(segments.count))
    }

    /// The segments of a discontinuous claim's span; nil for a contiguous one.
    func segments(ofClaim ordinal: Int) -> ArraySlice<SelectorRecord>? {
        guard let slot = claims.sortedIndex(of: UInt32(ordinal)) else { return nil }
        return segments[Int(firstSegment[slot])..<Int(firstSegment[slot + 1])]
    }
}

extension ClaimTable {
    /// A claim's segments in text order: the covering range itself for a contiguous span.
    func withSegments<R>(of ordinal: Int, _ body: (UnsafeBufferPointer<SelectorRecord>) -> R) -> R {
        let record = records[ordinal]
        if record.isDiscontinuous, let several = segments.segments(ofClaim: ordinal) {
            return several.withUnsafeBufferPointer(body)
        }
        return withUnsafePointer(to: record.span) { body(UnsafeBufferPointer(start: $0, count: 1)) }
    }
}
