/// Every index of a store, built in one pass over the claims (on one core, while the other renders ETags).
struct StoreIndexes: @unchecked Sendable {
    let claimIndex: ClaimIdIndex
    let claimsOfArticle: PostingLists
    let claimsBySource: PostingLists
    let claimsBySubject: PostingLists
    let claimsByEntity: PostingLists
    /// Entity ordinals per `EntityKind`, in declaration order.
    let entitiesByKind: PostingLists
    let facets: ClaimFacets
    let claimText: TermIndex
    let entityText: TermIndex

    init(claims: ClaimTable, articleCount: Int, entities: [Entity]) {
        claimIndex = ClaimIdIndex(claims)
        var byKind = PostingListsBuilder(listCount: EntityKind.allCases.count)
        for (ordinal, entity) in entities.enumerated() {
            byKind.append(UInt32(ordinal), toList: EntityKind.allCases.firstIndex(of: entity.kind)!)
        }
        entitiesByKind = byKind.build()
        var ofArticle = PostingListsBuilder(listCount: articleCount)
        var bySource = PostingListsBuilder(listCount: entities.count)
        var bySubject = PostingListsBuilder(listCount: entities.count)
        var byEntity = PostingListsBuilder(listCount: entities.count)
        var claimText = TermIndexBuilder()
        var entityText = TermIndexBuilder()

        // Each entity's words once: every claim with that source on its chain gets them.
        var entityTerms: [[UInt32]] = []
        var entityOwnTerms: [[UInt32]] = []
        for entity in entities {
            var terms: [UInt32] = []
            var own: [UInt32] = []
            for text in Self.searchableTexts(of: entity) {
                claimText.termIDs(in: text, into: &terms)
                entityText.termIDs(in: text, into: &own)
            }
            entityTerms.append(terms)
            entityOwnTerms.append(own)
        }
        for terms in entityOwnTerms { entityText.addDocument(terms) }

        var sources: [UInt32] = []
        var either: [UInt32] = []
        var terms: [UInt32] = []
        for (ordinal, record) in claims.records.enumerated() {
            let claim = UInt32(ordinal)
            ofArticle.append(claim, toList: Int(record.article))
            sources = claims.chain(of: record).map(\.source)
            sources.sort()
            Self.removeRepeats(&sources)
            for source in sources { bySource.append(claim, toList: Int(source)) }
            let subjects = Array(claims.subjectOrdinals(of: record)).sorted()
            for subject in subjects { bySubject.append(claim, toList: Int(subject)) }
            either = (sources + subjects).sorted()
            Self.removeRepeats(&either)
            for entity in either { byEntity.append(claim, toList: Int(entity)) }

            terms.removeAll(keepingCapacity: true)
            claimText.termIDs(in: claims.strings.string(record.text), into: &terms)
            let exact = claims.withFieldText(of: record) {
                ClaimTable.string($0, Int(record.byteStart)..<Int(record.byteEnd))
            }
            claimText.termIDs(in: exact, into: &terms)
            for source in sources { terms += entityTerms[Int(source)] }
            claimText.addDocument(terms)
        }
        claimsOfArticle = ofArticle.build()
        claimsBySource = bySource.build()
        claimsBySubject = bySubject.build()
        claimsByEntity = byEntity.build()
        facets = ClaimFacets(claims)
        self.claimText = claimText.build()
        self.entityText = entityText.build()
    }

    /// What `q` matches of an entity: its name, aliases and descriptor.
    static func searchableTexts(of entity: Entity) -> [String] {
        [entity.name, entity.descriptor].compactMap { $0 } + entity.aliases
    }

    private static func removeRepeats(_ sorted: inout [UInt32]) {
        var last: UInt32?
        sorted.removeAll { value in
            defer { last = value }
            return value == last
        }
    }
}
