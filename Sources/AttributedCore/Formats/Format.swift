/// One representation a data route can send: the name `?format=` selects it by, and its media type (what
/// `Accept` selects it by and what `Content-Type` says).
public struct Format: Sendable, Equatable {
    public let name: String
    /// Type and subtype, lowercase, without parameters: what `Accept`'s ranges are matched against.
    let type: Substring
    let subtype: Substring
    /// The JSON-LD profile it conforms to (RFC 6906), which an `Accept` range's `profile` parameter selects it by:
    /// both Web Annotation and schema.org documents are `application/ld+json`, and only this tells them apart.
    let profile: String?
    /// The `Content-Type` sent.
    public let contentType: String

    init(name: String, type: StaticString, subtype: StaticString, profile: String? = nil, contentType: String) {
        self.name = name
        self.type = Substring("\(type)")
        self.subtype = Substring("\(subtype)")
        self.profile = profile
        self.contentType = contentType
    }

    /// The API's own JSON bodies, the default everywhere.
    public static let json = Format(name: "json", type: "application", subtype: "json", contentType: MediaType.json)

    /// W3C PROV-JSON (Member Submission, 2013). The submission registers no media type of its own, and PROV-JSON
    /// documents are plain JSON: its reference implementations (ProvToolbox, ProvStore, the `prov` package) serve
    /// them as `application/json`, so this does too (`text/provenance-notation` is PROV-N's, another syntax;
    /// `application/vnd.prov+json` was never registered). `Accept` therefore cannot tell it from `json`, which wins
    /// a tie as the default: `?format=prov` is how it is asked for.
    public static let prov = Format(name: "prov", type: "application", subtype: "json", contentType: MediaType.json)

    /// A bulk export of a list, one item per line (the list's own JSON objects), streamed: every match, no pages.
    public static let ndjson = Format(name: "ndjson", type: "application", subtype: "x-ndjson", contentType: MediaType.ndjson)
    /// The same export as RFC 4180 CSV with a header row (`Export/*CSV.swift` name the columns).
    public static let csv = Format(name: "csv", type: "text", subtype: "csv", contentType: MediaType.csv)

    /// schema.org JSON-LD (`NewsArticle`, `Claim`): plain `application/ld+json`, what search engines and fact-check
    /// tools read.
    public static let jsonLD = Format(name: "jsonld", type: "application", subtype: "ld+json", contentType: MediaType.jsonLD)

    /// A W3C Web Annotation (Data Model and Protocol, Recommendations, 2017): JSON-LD with the annotation profile,
    /// the media type the protocol names (§1.2), so `Accept` with that profile selects it.
    public static let annotation = Format(name: "annotation", type: "application", subtype: "ld+json",
                                          profile: AnnotationVocabulary.context, contentType: MediaType.annotation)
}

/// The formats a route offers, the default first (it wins when `Accept` ranks several alike).
public struct FormatOffer: Sendable {
    public let formats: [Format]

    /// Every data route but the lists: its JSON only (`?format=json` is accepted, any other value is 400).
    public static let jsonOnly = FormatOffer(formats: [.json])
    /// `/v1/claims/{id}/provenance`.
    public static let provenance = FormatOffer(formats: [.json, .prov])
    /// Every list route: a page of JSON, or every match streamed as NDJSON or CSV.
    public static let list = FormatOffer(formats: [.json, .ndjson, .csv])

    /// `/v1/claims/{id}`: schema.org before the annotation, so a plain `application/ld+json` gets schema.org and
    /// only the annotation profile gets the annotation.
    public static let claim = FormatOffer(formats: [.json, .jsonLD, .annotation])
    /// `/v1/articles/{id}`.
    public static let article = FormatOffer(formats: [.json, .jsonLD])
    /// `/v1/articles/{id}/annotations`: a Web Annotation container speaks only the protocol's JSON-LD.
    public static let annotationContainer = FormatOffer(formats: [.annotation])

    var names: String { formats.map(\.name).joined(separator: ", ") }

    func format(named name: String) -> Format? { formats.first { $0.name == name } }
}
