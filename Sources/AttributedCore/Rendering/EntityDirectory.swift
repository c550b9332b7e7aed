/// The dataset's entities by id, for the renderers that write an entity where a claim or an article names it (the
/// JSON-LD documents). The loader resolved every reference, so every lookup finds its entity.
struct EntityDirectory: Sendable {
    let entities: [Entity]
    let index: [String: Int]

    subscript(id: String) -> Entity { entities[index[id]!] }
}
