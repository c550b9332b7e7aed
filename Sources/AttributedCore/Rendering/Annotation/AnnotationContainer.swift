/// An article's claims as a Web Annotation Protocol container (§4.2, an LDP basic container and an
/// `AnnotationCollection`), and its `AnnotationPage`s (§4.3): README, "Formats"; openapi.yaml,
/// `AnnotationCollection`, `AnnotationPage`. Items are full annotations, or (`iris=1`) their IRIs.
///
/// IRIs: the container is `/v1/articles/{id}/annotations?iris=0|1` (the protocol's recommended query parameter,
/// telling the two forms apart); a page adds `page=1`, the list's `limit` when one was asked for, and the keyset
/// `cursor` of the page (none on the first).
struct AnnotationContainer: Sendable {
    let article: Article
    let iris: Bool
    /// The `limit` the request gave, kept in the pages' IRIs; nil for the default.
    let limit: Int?
    let position: ListPosition
    /// An item's annotation, embedded (no `@context` of its own).
    let annotation: @Sendable (Int) -> JSON
    let claimId: @Sendable (Int) -> String

    var containerIRI: String { "\(AnnotationVocabulary.container(article: article.id))?iris=\(iris ? 1 : 0)" }

    func pageIRI(_ link: ListPosition.PageLink) -> String {
        var iri = containerIRI
        if let limit { iri += "&limit=\(limit)" }
        iri += "&page=1"
        if case .after(let cursor) = link { iri += "&cursor=\(cursor)" }
        return iri
    }

    /// The collection; `minimal`: without its first page embedded (`PreferMinimalContainer`), only linked.
    func collection(minimal: Bool) -> JSON {
        var members: [(String, JSON)] = [("@context", .string(AnnotationVocabulary.context)),
                                         ("id", .string(containerIRI)),
                                         ("type", .array([.string(AnnotationVocabulary.basicContainer), .string("AnnotationCollection")])),
                                         ("label", .string("Attributed claims in “\(article.headline)”")),
                                         ("total", .int(position.total))]
        if position.total > 0 {
            members.append(("first", minimal ? .string(pageIRI(.first)) : .object(pageMembers(embedded: true))))
        }
        if let last = position.last { members.append(("last", .string(pageIRI(last)))) }
        return .object(members)
    }

    /// A page on its own: with the context, and what the collection it is part of says of itself.
    func page() -> JSON { .object(pageMembers(embedded: false)) }

    private func pageMembers(embedded: Bool) -> [(String, JSON)] {
        var members: [(String, JSON)] = embedded ? [] : [("@context", .string(AnnotationVocabulary.context))]
        members += [("id", .string(pageIRI(position.current))), ("type", .string("AnnotationPage"))]
        members.append(("partOf", embedded ? .string(containerIRI)
            : .object([("id", .string(containerIRI)), ("total", .int(position.total))])))
        members.append(("startIndex", .int(position.startIndex)))
        if let previous = position.previous { members.append(("prev", .string(pageIRI(previous)))) }
        if let next = position.next { members.append(("next", .string(pageIRI(next)))) }
        let items = position.ordinals.map { iris ? JSON.string(AnnotationVocabulary.claim(claimId(Int($0)))) : annotation(Int($0)) }
        members.append(("items", .array(items)))
        return members
    }
}
