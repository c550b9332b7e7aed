import Foundation

/// The loaded dataset, immutable, with its indexes. A reload builds a new Store and swaps it in whole; nothing
/// here is ever edited in place.
///
/// Bodies are rendered on demand from the compact records; only their strong ETags (8 bytes each) are computed
/// here, so that a conditional request is answered without rendering anything.
public final class Store: Sendable {
    public let version: String
    public let loadedAt: String

    /// Sorted by id (byte order), the order of every list and the key of every cursor.
    public let articles: [Article]
    public let entities: [Entity]
    public let claims: ClaimTable

    let articleIndex: [String: Int]
    let entityIndex: [String: Int]
    /// The claim id table and the posting list of every filter value.
    let filters: FilterIndexes
    /// The article filters' lists (publisher, date, language) and the claims' origin, factuality, derivation and
    /// depth lists, with the columns facets count from.
    let corpus: CorpusLists
    /// Every facet over every claim, counted at load (`FacetName.allCases` order).
    let allClaimFacets: [FacetValues]
    /// The facets of every large list of a single filter, counted at load.
    let precountedFacets: PrecountedFacets
    /// `q` over claims (text, span, the chain's sources' names, aliases and descriptors) and over entities.
    let search: SearchIndexes

    let entityBodies: EntityBodies
    let claimJSON: ClaimJSON
    let provenanceJSON: ProvenanceJSON
    /// The same chains as W3C PROV-JSON documents (`format=prov`).
    let provDocument: PROVDocument
    /// Claims as W3C Web Annotations (`format=annotation`, and the items of `/v1/articles/{id}/annotations`).
    let claimAnnotation: ClaimAnnotation
    /// schema.org JSON-LD (`format=jsonld`): claims as `Claim`, articles as `NewsArticle`.
    let claimDocument: ClaimDocument
    let newsArticleDocument: NewsArticleDocument
    /// Hot claims' bodies, for list pages asked again (a page of 50 then copies bytes instead of rendering).
    let listedClaims = AdmittingCache<[UInt8]>(slots: 16_384)
    /// Per article, per publisher and overall, computed at load.
    let indicators: SourcingIndicators
    /// The month and year series over every article, with and without `by=publisher`.
    let allSeries: AllArticleSeries
    /// What the indicators read of each entity as a source.
    let sourceTraits: [SourceTraits]
    let etags: ResourceETags
    let readiness: Representation
    /// `/v1/indicators` over every article, and over none (a `publisher` that publishes nothing).
    let overallIndicators: Representation
    let noIndicators: Representation
    /// The representations the server may prebuild native responses for.
    public let representations: [Representation]

    public convenience init(_ dataset: Dataset, loadedAt: Date = Date()) {
        self.init(dataset, loadedAt: loadedAt.formatted(.iso8601))
    }

    /// `precountingFrom`: the length from which a single filter's list has its facets counted at load.
    init(_ dataset: Dataset, loadedAt: String, precountingFrom minimumCount: Int = PrecountedFacets.defaultMinimumCount) {
        version = dataset.version
        self.loadedAt = loadedAt
        articles = dataset.articles
        entities = dataset.entities
        claims = dataset.claims
        articleIndex = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1.id, $0) })
        entityIndex = Dictionary(uniqueKeysWithValues: entities.enumerated().map { ($1.id, $0) })

        // Independent tasks on every core: the text indexes (the longest); the filters' lists and the articles' ETags;
        // the claims' ETags (which render every claim once) in parts, taken by whichever core is free.
        let (claims, articles, entities, entityIndex) = (self.claims, self.articles, self.entities, self.entityIndex)
        let claimJSON = ClaimJSON(claims: claims, entities: entities)
        let claimParts = chunks(of: claims.count, parts: 8)
        let tasks = parallelMap(2 + claimParts.count) { task -> Any in
            switch task {
            case 0:
                return LoadTrace.timed("search indexes") { SearchIndexes(claims: claims, entities: entities) }
            case 1:
                return LoadTrace.timed("filter indexes and article etags") {
                    let filters = FilterIndexes(claims: claims, articleCount: articles.count, entities: entities)
                    let articleETags = ResourceETags.hashes(count: articles.count) {
                        Self.writeArticle($0, of: articles, claims: claims, claimsOfArticle: filters.claimsOfArticle, into: &$1)
                    }
                    let corpus = LoadTrace.timed("corpus lists") {
                        CorpusLists(claims: claims, articles: articles, entities: entities, entityIndex: entityIndex)
                    }
                    let facets = LoadTrace.timed("facets of every claim") { FacetCounting.allClaims(in: corpus) }
                    return (filters, articleETags, corpus, facets)
                }
            default:
                return LoadTrace.timed("claim etags, part \(task - 1) of \(claimParts.count)") {
                    ResourceETags.hashes(claimParts[task - 2]) { claimJSON.write($0, into: &$1) }
                }
            }
        }
        self.claimJSON = claimJSON
        LoadTrace.mark("indexes and etags")
        // The builders' scratch (the term ids kept between the search index's passes, counts, grouping buffers) is
        // freed by now, but glibc keeps freed blocks in its heaps: without this, steady memory stays ~35 MB higher.
        Allocator.returnFreedMemory()
        search = tasks[0] as! SearchIndexes
        let (filters, articleBodyETags, corpus, allClaimFacets) = tasks[1] as! (FilterIndexes, [UInt64], CorpusLists, [FacetValues])
        let claimETags = tasks[2...].flatMap { $0 as! [UInt64] }
        let articleETags = ResourceETags.articleHashes(bodies: articleBodyETags, claims: claimETags,
                                                       claimsOfArticle: filters.claimsOfArticle)
        self.filters = filters
        self.corpus = corpus
        self.allClaimFacets = allClaimFacets

        // Three more independent parts: the sourcing indicators and their tags; the entities' bodies and the
        // provenance chains' tags; the single filters' facets.
        let (bySource, bySubject) = (filters.claimsBySource, filters.claimsBySubject)
        let tail = parallelMap(3) { part -> Any in
            if part == 2 {
                return LoadTrace.timed("facets of single filters") {
                    PrecountedFacets(filters: filters, corpus: corpus, minimumCount: minimumCount)
                }
            }
            if part == 0 {
                return LoadTrace.timed("sourcing indicators") {
                    let indicators = SourcingIndicators(claims: claims, articles: articles, entities: entities,
                                                        entityIndex: entityIndex, claimsOfArticle: filters.claimsOfArticle)
                    let series = LoadTrace.timed("sourcing series") {
                        AllArticleSeries(corpus: corpus, indicators: indicators, claimsOfArticle: filters.claimsOfArticle, entities: entities)
                    }
                    return (indicators, IndicatorETags(indicators), series)
                }
            }
            let entityBodies = EntityBodies(entities: entities, entityIndex: entityIndex,
                                            claimsAsSource: { bySource[$0].count }, claimsAsSubject: { bySubject[$0].count })
            let provenanceJSON = ProvenanceJSON(claim: claimJSON, entityBodies: entityBodies)
            let entityETags = (0..<entities.count).map { ETag.hash(of: entityBodies.body($0)) }
            let provenanceETags = ResourceETags.provenanceHashes(claims: claimETags, entities: entityETags, json: provenanceJSON)
            return (entityBodies, provenanceJSON, entityETags, provenanceETags)
        }
        precountedFacets = tail[2] as! PrecountedFacets
        let (indicators, indicatorETags, allSeries) = tail[0] as! (SourcingIndicators, IndicatorETags, AllArticleSeries)
        self.allSeries = allSeries
        sourceTraits = entities.map(SourceTraits.init)
        let (entityBodies, provenanceJSON, entityETags, provenanceETags) = tail[1] as! (EntityBodies, ProvenanceJSON, [UInt64], [UInt64])
        self.indicators = indicators
        self.entityBodies = entityBodies
        self.provenanceJSON = provenanceJSON
        let directory = EntityDirectory(entities: entities, index: entityIndex)
        provDocument = PROVDocument(claims: claims, entities: directory)
        claimAnnotation = ClaimAnnotation(claims: claims, entities: directory)
        claimDocument = ClaimDocument(claims: claims, entities: directory)
        newsArticleDocument = NewsArticleDocument(articles: articles, entities: directory)
        etags = ResourceETags(claims: claimETags, articles: articleETags, entities: entityETags, provenance: provenanceETags,
                              indicators: indicatorETags)

        LoadTrace.mark("indicators, entity bodies and provenance etags")
        var builder = RepresentationBuilder(makeSlot: { .dataset($0) })
        readiness = builder.add(Self.readinessJSON(version: version, loadedAt: loadedAt, articles: articles.count,
                                                   entities: entities.count, claims: claims.count),
                                cacheControl: CacheControl.none)
        // `/v1/indicators` is a data route: negotiated, so it varies like the others (the same `Vary` on every one
        // keeps the contract simple, whether or not this body is large enough to be gzipped).
        overallIndicators = builder.add(Self.indicatorsJSON(indicators.overall), contentType: MediaType.json,
                                        cacheControl: CacheControl.data, extraHeaders: [StandardHeaders.varyByAcceptAndEncoding])
        noIndicators = builder.add(Self.indicatorsJSON(SourcingIndicators.Aggregate()), contentType: MediaType.json,
                                   cacheControl: CacheControl.data, extraHeaders: [StandardHeaders.varyByAcceptAndEncoding])
        representations = builder.representations
    }


    public var counts: (articles: Int, entities: Int, claims: Int) { (articles.count, entities.count, claims.count) }

    /// A resource's body: the one place each kind is rendered for a request.
    func render(_ key: ResourceKey, into output: inout JSONOutput) {
        let ordinal = Int(key.ordinal)
        switch key.kind {
        case .claim: claimJSON.write(ordinal, into: &output)
        case .provenance: provenanceJSON.write(ordinal, into: &output)
        case .provDocument: provDocument.write(ordinal, into: &output)
        case .annotation: claimAnnotation.write(ordinal, into: &output)
        case .schemaClaim: claimDocument.write(ordinal, into: &output)
        case .schemaArticle: newsArticleDocument.write(ordinal, into: &output)
        case .article: writeArticle(ordinal, into: &output)
        case .entity: entityBodies.write(ordinal, into: &output)
        case .articleIndicators: IndicatorsJSON.write(indicators.articles[ordinal], into: &output)
        case .publisherIndicators: IndicatorsJSON.write(indicators.publisherAggregates[ordinal], into: &output)
        }
    }

    /// Starts, side by side, the cache misses a claim route would otherwise meet one after another: the claim's
    /// ETags, then, once its record is in (`ClaimIdIndex` prefetched it while finding the ordinal), what the record
    /// points at. Called as soon as the route knows the ordinal, so the fetches run while it negotiates and builds
    /// its headers.
    func prefetchClaim(_ ordinal: Int) {
        etags.prefetchClaim(ordinal)
        claimJSON.prefetch(claims.records[ordinal])
    }

    /// A claim as a list item.
    func writeListedClaim(_ ordinal: Int, into output: inout JSONOutput) {
        listedClaims.write(ordinal, into: &output) { claimJSON.write(ordinal, into: &$0) }
    }

    private static func indicatorsJSON(_ aggregate: SourcingIndicators.Aggregate) -> [UInt8] {
        var output = JSONOutput(capacity: 512)
        IndicatorsJSON.write(aggregate, into: &output)
        return output.bytes
    }

    private static func readinessJSON(version: String, loadedAt: String, articles: Int, entities: Int, claims: Int) -> JSON {
        .object([
            ("status", .string("ready")),
            ("dataset", .object([
                ("version", .string(version)),
                ("articles", .int(articles)),
                ("entities", .int(entities)),
                ("claims", .int(claims)),
                ("loadedAt", .string(loadedAt)),
            ])),
        ])
    }
}
