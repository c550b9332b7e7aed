/// A dataset document in canonical form: the layout of `attributed fmt`, one record per line.
enum CanonicalDocument {
    static func write(notes: String?, articles: some Collection<JSON>, entities: some Collection<JSON>,
                      claims: some Collection<JSON>) -> [UInt8] {
        var out = Array("{\n  \"format\": ".utf8)
        JSON.writeString(DatasetLoader.format, into: &out)
        out += Array(",\n  \"notes\": ".utf8)
        JSON.optional(notes).write(into: &out)
        section("articles", articles, into: &out)
        section("entities", entities, into: &out)
        section("claims", claims, into: &out)
        out += Array("\n}\n".utf8)
        return out
    }

    /// What a write stored: the articles with every claim of theirs (in id order), and the entities it included.
    static func of(_ dataset: Dataset, articles: [String], entities: [String]) -> [UInt8] {
        let articleOrdinals = Set(articles.compactMap { id in dataset.articles.firstIndex { $0.id == id } }.map(UInt32.init))
        let claims = dataset.claims.records.indices.filter { articleOrdinals.contains(dataset.claims.records[$0].article) }
        let wanted = Set(entities)
        return write(notes: nil,
                     articles: dataset.articles.filter { articles.contains($0.id) }.map(CanonicalRecords.article),
                     entities: dataset.entities.filter { wanted.contains($0.id) }.map(CanonicalRecords.entity),
                     claims: claims.lazy.map { CanonicalRecords.claim(dataset.claims[$0]) })
    }

    /// `"key": [` then one record per line, or `"key": []`.
    private static func section(_ key: String, _ records: some Collection<JSON>, into out: inout [UInt8]) {
        out += Array(",\n  \"\(key)\": [".utf8)
        for (index, record) in records.enumerated() {
            out += Array((index == 0 ? "\n    " : ",\n    ").utf8)
            record.write(into: &out, spaced: true)
        }
        out += Array((records.isEmpty ? "]" : "\n  ]").utf8)
    }
}
