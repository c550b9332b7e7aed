extension Store {
    public var counts: (articles: Int, entities: Int, claims: Int) { (articles.count, entities.count, claims.count) }
}
