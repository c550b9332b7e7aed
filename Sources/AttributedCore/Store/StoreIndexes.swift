/// The posting lists of the filters, built in one pass over the claims.
struct FilterIndexes: @unchecked Sendable {
    let claimIndex: ClaimIdIndex
    let claimsOfArticle: PostingLists
    let claimsBySource: PostingLists
    let claimsBySubject: PostingLists
    let claimsByEntity: PostingLists
    /// Entity ordinals per `EntityKind`, in declaration order.
    let entitiesByKind: PostingLists
    let facets: ClaimFacets

    init(claims: ClaimTable, articleCount: Int, entities: [Entity]) {
        claimIndex = ClaimIdIndex(claims)
        var byKind = PostingListsBuilder(listCount: EntityKind.allCases.count)
        byKind.collect { byKind in
            for (ordinal, entity) in entities.enumerated() {
                byKind.append(UInt32(ordinal), toList: EntityKind.allCases.firstIndex(of: entity.kind)!)
            }
        }
        entitiesByKind = byKind.build()
        var ofArticle = PostingListsBuilder(listCount: articleCount)
        var bySource = PostingListsBuilder(listCount: entities.count)
        var bySubject = PostingListsBuilder(listCount: entities.count)
        var byEntity = PostingListsBuilder(listCount: entities.count)
        var sources: [UInt32] = []
        var subjects: [UInt32] = []
        var either: [UInt32] = []
        // Twice: counting, then placing (see `PostingListsBuilder`).
        func appendPostings() {
            for (ordinal, record) in claims.records.enumerated() {
                let claim = UInt32(ordinal)
                ofArticle.append(claim, toList: Int(record.article))
                claims.distinctSources(of: record, into: &sources)
                for source in sources { bySource.append(claim, toList: Int(source)) }
                subjects.removeAll(keepingCapacity: true)
                subjects += claims.subjectOrdinals(of: record)
                subjects.sortAndRemoveRepeats()
                for subject in subjects { bySubject.append(claim, toList: Int(subject)) }
                either.removeAll(keepingCapacity: true)
                either += sources
                either += subjects
                either.sortAndRemoveRepeats()
                for entity in either { byEntity.append(claim, toList: Int(entity)) }
            }
        }
        appendPostings()
        ofArticle.startPlacing()
        bySource.startPlacing()
        bySubject.startPlacing()
        byEntity.startPlacing()
        appendPostings()
        claimsOfArticle = ofArticle.build()
        claimsBySource = bySource.build()
        claimsBySubject = bySubject.build()
        claimsByEntity = byEntity.build()
        facets = ClaimFacets(claims)
    }
}

/// `q`: the inverted indexes over claims (their text, their span, and the names, aliases and descriptors of the
/// sources on their chain) and over entities (name, aliases, descriptor).
struct SearchIndexes: @unchecked Sendable {
    let claimText: TermIndex
    let entityText: TermIndex

    init(claims: ClaimTable, entities: [Entity]) {
        var claimText = TermIndexBuilder()
        var entityText = TermIndexBuilder()
        // Each entity's words once: every claim with that source on its chain gets them. Interned before the claims
        // are added, so the ids hold in both of the builder's passes.
        let entityTerms = entities.map { entity in
            var terms: [UInt32] = []
            for text in Self.searchableTexts(of: entity) { claimText.termIDs(in: text, into: &terms) }
            return terms
        }
        entityText.collect { builder in
            for entity in entities {
                var own: [UInt32] = []
                for text in Self.searchableTexts(of: entity) { builder.termIDs(in: text, into: &own) }
                builder.addDocument(own)
            }
        }
        var sources: [UInt32] = []
        var terms: [UInt32] = []
        func addSourceTerms(of record: ClaimRecord, to terms: inout [UInt32]) {
            claims.distinctSources(of: record, into: &sources)
            for source in sources { terms += entityTerms[Int(source)] }
        }
        claimText.collectOnce { builder in
            for (ordinal, record) in claims.records.enumerated() {
                terms.removeAll(keepingCapacity: true)
                builder.termIDs(in: claims.strings.string(record.text), into: &terms)
                // Each segment's words, not the attribution that interrupts a discontinuous quote.
                claims.withFieldText(of: record) { text in
                    claims.withSegments(of: ordinal) { segments in
                        for segment in segments { builder.termIDs(in: ClaimTable.string(text, segment.bytes), into: &terms) }
                    }
                }
                let own = terms.count
                addSourceTerms(of: record, to: &terms)
                builder.addDocument(terms, ownCount: own)
            }
        } addingShared: { ordinal, terms in
            addSourceTerms(of: claims.records[ordinal], to: &terms)
        }
        self.claimText = claimText.build()
        self.entityText = entityText.build()
    }

    /// What `q` matches of an entity: its name, aliases and descriptor.
    static func searchableTexts(of entity: Entity) -> [String] {
        [entity.name, entity.descriptor].compactMap { $0 } + entity.aliases
    }
}

extension ClaimTable {
    /// The entities on a claim's chain, ascending, each once.
    func distinctSources(of record: ClaimRecord, into sources: inout [UInt32]) {
        sources.removeAll(keepingCapacity: true)
        for link in chain(of: record) { sources.append(link.source) }
        sources.sortAndRemoveRepeats()
    }
}

extension [UInt32] {
    mutating func sortAndRemoveRepeats() {
        sort()
        var last: UInt32?
        removeAll { value in
            defer { last = value }
            return value == last
        }
    }
}
