/// Strings already written as JSON (quoted and escaped), back to back: ids that every claim body repeats are
/// escaped once at load, and rendering a claim only copies their bytes.
struct QuotedStrings: Sendable {
    private let bytes: [UInt8]
    private let offsets: [Int]

    init(_ strings: some Sequence<String>) {
        var bytes: [UInt8] = []
        var offsets = [0]
        for string in strings {
            JSON.writeString(string, into: &bytes)
            offsets.append(bytes.count)
        }
        self.bytes = bytes
        self.offsets = offsets
    }

    func write(_ index: Int, into out: inout JSONOutput) {
        bytes.withUnsafeBufferPointer { out.raw(UnsafeBufferPointer(rebasing: $0[offsets[index]..<offsets[index + 1]])) }
    }
}

// The JSON of each value of the closed vocabularies, quoted: constant bytes, no escaping per request.

extension ArticleField {
    var quoted: StaticString {
        switch self {
        case .headline: #""headline""#
        case .summary: #""summary""#
        case .body: #""body""#
        }
    }
}

extension Anonymity {
    var quoted: StaticString {
        switch self {
        case .named: #""named""#
        case .partiallyIdentified: #""partially_identified""#
        case .anonymous: #""anonymous""#
        case .unspecified: #""unspecified""#
        }
    }
}

extension AttributionMode {
    var quoted: StaticString {
        switch self {
        case .narration: #""narration""#
        case .directQuote: #""direct_quote""#
        case .indirectSpeech: #""indirect_speech""#
        case .mixedQuote: #""mixed_quote""#
        case .documentCitation: #""document_citation""#
        case .impersonalReport: #""impersonal_report""#
        case .declinedComment: #""declined_comment""#
        case .observation: #""observation""#
        }
    }
}

extension AttributionType {
    var quoted: StaticString {
        switch self {
        case .assertion: #""assertion""#
        case .belief: #""belief""#
        case .fact: #""fact""#
        case .eventuality: #""eventuality""#
        }
    }
}

extension Factuality {
    var quoted: StaticString {
        switch self {
        case .certainlyTrue: #""CT+""#
        case .certainlyFalse: #""CT-""#
        case .probablyTrue: #""PR+""#
        case .probablyFalse: #""PR-""#
        case .possiblyTrue: #""PS+""#
        case .possiblyFalse: #""PS-""#
        case .certainOfOneOrTheOther: #""CTu""#
        case .uncommitted: #""Uu""#
        }
    }
}

extension Derivation {
    var quoted: StaticString {
        switch self {
        case .quotation: #""quotation""#
        case .paraphrase: #""paraphrase""#
        }
    }
}
