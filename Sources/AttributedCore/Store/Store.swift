import Foundation

/// The loaded dataset, immutable, with its indexes and every single resource rendered once.
/// A reload builds a new Store and swaps it in whole; nothing here is ever edited in place.
public final class Store: Sendable {
    public let version: String
    public let loadedAt: String

    /// Sorted by id (byte order), the order of every list and the key of every cursor.
    public let articles: [Article]
    public let entities: [Entity]
    public let claims: [Claim]

    let articleIds: [String]
    let entityIds: [String]
    let claimIds: [String]
    let articleIndex: [String: Int]
    let entityIndex: [String: Int]
    let claimIndex: [String: Int]

    let claimFacts: [ClaimFacts]
    let entityFacts: [EntityFacts]
    /// Claim ordinals of each article, ascending.
    let claimsOfArticle: [[Int]]
    let claimsByWeakestAnonymity: [Anonymity: [Int]]
    let claimsByMode: [AttributionMode: [Int]]

    let articleRepresentations: [Representation]
    let entityRepresentations: [Representation]
    let claimRepresentations: [Representation]
    let provenanceRepresentations: [Representation]
    let readiness: Representation
    /// Every representation above, indexed by its `.dataset` slot.
    public let representations: [Representation]

    public init(_ dataset: Dataset, loadedAt: Date = Date()) {
        version = dataset.version
        self.loadedAt = loadedAt.formatted(.iso8601)
        articles = dataset.articles.sorted { $0.id < $1.id }
        entities = dataset.entities.sorted { $0.id < $1.id }
        claims = dataset.claims.sorted { $0.id < $1.id }
        articleIds = articles.map(\.id)
        entityIds = entities.map(\.id)
        claimIds = claims.map(\.id)
        articleIndex = Self.index(articleIds)
        entityIndex = Self.index(entityIds)
        claimIndex = Self.index(claimIds)

        let (articleIndex, entityIndex, entities) = (articleIndex, entityIndex, entities)
        claimFacts = claims.map { ClaimFacts($0, articleIndex: articleIndex, entityIndex: entityIndex, entities: entities) }
        var claimsOfArticle = Array(repeating: [Int](), count: articles.count)
        var asSource = Array(repeating: [Int](), count: entities.count)
        var asSubject = Array(repeating: [Int](), count: entities.count)
        var byAnonymity: [Anonymity: [Int]] = [:]
        var byMode: [AttributionMode: [Int]] = [:]
        for (ordinal, facts) in claimFacts.enumerated() {
            claimsOfArticle[facts.article].append(ordinal)
            for entity in facts.sources { asSource[entity].append(ordinal) }
            for entity in facts.subjects { asSubject[entity].append(ordinal) }
            byAnonymity[facts.weakestAnonymity, default: []].append(ordinal)
            for mode in facts.modes { byMode[mode, default: []].append(ordinal) }
        }
        self.claimsOfArticle = claimsOfArticle
        claimsByWeakestAnonymity = byAnonymity
        claimsByMode = byMode
        entityFacts = entities.indices.map { EntityFacts(entities[$0], asSource: asSource[$0], asSubject: asSubject[$0]) }

        var builder = RepresentationBuilder(makeSlot: { .dataset($0) })
        let renderer = Renderer(articles: articles, entities: entities, claims: claims, claimFacts: claimFacts,
                                entityFacts: entityFacts, entityIndex: entityIndex, claimsOfArticle: claimsOfArticle)
        entityRepresentations = entities.indices.map { builder.add(renderer.entity($0)) }
        articleRepresentations = articles.indices.map { builder.add(renderer.article($0)) }
        claimRepresentations = claims.indices.map { builder.add(renderer.claim($0)) }
        let entityBodies = entityRepresentations.map(\.body)
        provenanceRepresentations = claims.indices.map { builder.add(renderer.provenance($0, entityBodies: entityBodies)) }
        readiness = builder.add(renderer.readiness(version: version, loadedAt: self.loadedAt), cacheControl: CacheControl.none)
        representations = builder.representations
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    }
}

/// What a query asks of a claim, computed once at load.
struct ClaimFacts: Sendable {
    let article: Int
    let depth: Int
    /// Entity ordinals anywhere on the chain, ascending and distinct.
    let sources: [Int]
    /// Entity ordinals of `about`, ascending and distinct.
    let subjects: [Int]
    let modes: Set<AttributionMode>
    let weakestAnonymity: Anonymity
    let words: SearchWords

    init(_ claim: Claim, articleIndex: [String: Int], entityIndex: [String: Int], entities: [Entity]) {
        article = articleIndex[claim.article]!
        depth = claim.depth
        sources = Array(Set(claim.chain.map { entityIndex[$0.source]! })).sorted()
        subjects = Array(Set(claim.about.map { entityIndex[$0]! })).sorted()
        modes = Set(claim.chain.map(\.mode))
        weakestAnonymity = claim.chain.map { entities[entityIndex[$0.source]!].anonymity }.max()!
        words = SearchWords([claim.text, claim.span.exact])
    }
}

struct EntityFacts: Sendable {
    let asSource: [Int]
    let asSubject: [Int]
    /// Claims with the entity as source or subject, ascending.
    let asEither: [Int]
    let words: SearchWords

    init(_ entity: Entity, asSource: [Int], asSubject: [Int]) {
        self.asSource = asSource
        self.asSubject = asSubject
        asEither = Array(Set(asSource).union(asSubject)).sorted()
        words = SearchWords([entity.name, entity.descriptor].compactMap { $0 } + entity.aliases)
    }
}
