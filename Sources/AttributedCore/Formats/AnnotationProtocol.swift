/// What the W3C Web Annotation Protocol (Recommendation, 2017) asks of a server's headers, and the container
/// preferences it reads from `Prefer` (§4.2.1, after LDP's).
enum AnnotationProtocol {
    /// §3: an annotation says it is an LDP resource (and an annotation); every method it answers.
    static let annotationHeaders = [
        HTTPHeader("Link", "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\""),
        HTTPHeader("Link", "<http://www.w3.org/ns/oa#Annotation>; rel=\"type\""),
        HTTPHeader("Allow", AllowedMethods.list),
    ]

    /// §4.1: a container's type (an LDP basic container) and the protocol's constraints, on every response.
    static let containerLinks = [
        HTTPHeader("Link", "<\(AnnotationVocabulary.basicContainer)>; rel=\"type\""),
        HTTPHeader("Link", "<\(AnnotationVocabulary.constraints)>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\""),
    ]

    static let allow = HTTPHeader("Allow", AllowedMethods.list)
    /// A container's body depends on `Prefer` too. A page's does not (its URL says which form it is), but the
    /// route answers both alike, as the protocol's own page example does (§4.3, example 13).
    static let containerVary = HTTPHeader("Vary", "Accept, Prefer, Accept-Encoding")
    /// RFC 7240 §3: the preference a response honoured.
    static let preferenceApplied = HTTPHeader("Preference-Applied", "return=representation")

    /// §4.2.1's three preferences, as a `Prefer: return=representation; include="…"` header gives them.
    struct ContainerPreferences: Equatable {
        var minimal = false
        /// nil when the client expressed neither, or both (which it must not: then neither is honoured).
        var iris: Bool?

        var isEmpty: Bool { !minimal && iris == nil }

        static let minimalContainer = "http://www.w3.org/ns/ldp#PreferMinimalContainer"
        static let containedIRIs = "http://www.w3.org/ns/oa#PreferContainedIRIs"
        static let containedDescriptions = "http://www.w3.org/ns/oa#PreferContainedDescriptions"

        /// Reads every `return=representation` preference's `include` URIs; anything else in `Prefer` is not for
        /// a container and is ignored, as RFC 7240 §2 lets a server ignore any preference.
        init(_ prefer: String?) {
            guard let prefer else { return }
            var included: [Substring] = []
            for preference in prefer.split(separator: ",") {
                let parts = preference.split(separator: ";").map { $0.trimmingSpaces() }
                guard parts.first?.lowercased() == "return=representation" else { continue }
                for parameter in parts.dropFirst() {
                    let pair = parameter.split(separator: "=", maxSplits: 1)
                    guard pair.count == 2, pair[0].trimmingSpaces().lowercased() == "include" else { continue }
                    var value = pair[1].trimmingSpaces()
                    if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
                    included += value.split(separator: " ")
                }
            }
            minimal = included.contains(Substring(Self.minimalContainer))
            let iris = included.contains(Substring(Self.containedIRIs))
            let descriptions = included.contains(Substring(Self.containedDescriptions))
            if iris != descriptions { self.iris = iris }
        }
    }
}
