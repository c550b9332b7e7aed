/// A claim as fixed-size fields: ordinals instead of ids, offsets instead of copied text. The span's `exact`,
/// `prefix` and `suffix` and every cue's text are read from the article by byte offset when rendered.
struct ClaimRecord: Sendable {
    var id: StringArena.Reference
    var text: StringArena.Reference
    var proposition: StringArena.Reference
    var article: UInt32
    var field: ArticleField
    /// The summary bullet of a summary span; 0 otherwise.
    var summaryIndex: UInt32
    /// The span's covering range: for a discontinuous span, from its first segment's start to its last one's end
    /// (the segments themselves are in `SpanSegments`); for a contiguous one, its only segment.
    var span: SelectorRecord
    /// `links[firstLink ..< firstLink + linkCount]`, the publication first.
    var firstLink: UInt32
    var linkCount: UInt32
    /// `subjects[firstSubject ..< firstSubject + subjectCount]`: entity ordinals of `about`, in the order written.
    var firstSubject: UInt32
    var subjectCount: UInt32
    var weakestAnonymity: Anonymity
    /// Whether the span has several segments. Fits in what was padding, so a record stays 80 bytes.
    var isDiscontinuous: Bool
    /// One bit per `AttributionMode` on the chain.
    var modes: UInt16
}

/// A W3C position and quote selector as offsets into a field: Unicode scalars (what the API shows), UTF-8 bytes
/// (what slicing needs), and the byte lengths of the prefix and suffix around it.
struct SelectorRecord: Sendable, Equatable {
    var start: UInt32
    var end: UInt32
    var byteStart: UInt32
    var byteEnd: UInt32
    var prefixBytes: UInt32
    var suffixBytes: UInt32

    var bytes: Range<Int> { Int(byteStart)..<Int(byteEnd) }
    var prefixRange: Range<Int> { Int(byteStart - prefixBytes)..<Int(byteStart) }
    var suffixRange: Range<Int> { Int(byteEnd)..<Int(byteEnd + suffixBytes) }
}

/// One hop of a chain. Entities are ordinals; `noEntity` stands for null.
struct LinkRecord: Sendable {
    static let noEntity = UInt32.max

    var source: UInt32
    var recipient: UInt32
    /// The cue in scalars and in bytes of the claim's field; `cueStart == noEntity` when there is no cue.
    var cueStart: UInt32
    var cueEnd: UInt32
    var cueByteStart: UInt32
    var cueByteEnd: UInt32
    var mode: AttributionMode
    var attributionType: AttributionType
    var factuality: Factuality
    var derivation: Derivation?

    var hasCue: Bool { cueStart != Self.noEntity }
}

extension AttributionMode {
    /// A switch rather than `allCases.firstIndex`: this runs for every link at load.
    var bit: UInt16 {
        switch self {
        case .narration: 1 << 0
        case .directQuote: 1 << 1
        case .indirectSpeech: 1 << 2
        case .mixedQuote: 1 << 3
        case .documentCitation: 1 << 4
        case .impersonalReport: 1 << 5
        case .declinedComment: 1 << 6
        case .observation: 1 << 7
        }
    }
}
