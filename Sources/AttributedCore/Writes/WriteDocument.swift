/// A request body read as a dataset document, before it is validated against the dataset it would produce: the
/// ids it holds, each record's claim on an article checked against what the route writes.
struct WriteDocument: Sendable {
    static let sourceName = "request body"

    let bytes: [UInt8]
    /// In document order.
    let articles: [String]
    /// The `publisher` of each article, in the same order.
    let publishers: [String]
    let entities: [String]
    /// The `article` each claim names.
    let claimArticles: [String]

    /// Malformed JSON is 400; a document that is not an object with arrays of records is 422.
    init(_ bytes: [UInt8]) throws(Problem) {
        self.bytes = bytes
        var parser = JSONParser(bytes: bytes)
        let root: JSONNode
        do { root = try parser.parseDocument() } catch {
            let file = SourceFile(name: Self.sourceName, bytes: bytes)
            let (line, column) = file.location(of: error.offset)
            throw Problem.malformedBody("invalid JSON at line \(line), column \(column): \(error.message)")
        }
        guard case .object(let members) = root.value else {
            throw Problem.invalidDocument([Self.issue(bytes, at: root.offset, path: .root, "a dataset document must be an object")])
        }
        func ids(_ key: String, member: String) -> [String] {
            guard case .array(let records)? = members.first(where: { $0.key == key })?.value.value else { return [] }
            return records.map { record in
                guard case .object(let fields) = record.value,
                      case .string(let id)? = fields.first(where: { $0.key == member })?.value.value else { return "" }
                return id
            }
        }
        articles = ids("articles", member: "id")
        publishers = ids("articles", member: "publisher")
        entities = ids("entities", member: "id")
        claimArticles = ids("claims", member: "article")
        self.root = root
    }

    private let root: JSONNode

    /// `PUT /v1/articles/{id}`: exactly that article, and claims of no other one.
    func checkHoldsOnly(article id: String) throws(Problem) {
        var issues: [ValidationIssue] = []
        if articles != [id] {
            issues.append(issue(at: "articles", "must hold exactly one article, with id \(quoted(id)) (the path's)"))
        }
        issues += claimsOutside([id])
        if !issues.isEmpty { throw Problem.invalidDocument(issues) }
    }

    /// `PUT /v1/entities/{id}`: exactly that entity, and nothing else.
    func checkHoldsOnly(entity id: String) throws(Problem) {
        var issues: [ValidationIssue] = []
        if entities != [id] {
            issues.append(issue(at: "entities", "must hold exactly one entity, with id \(quoted(id)) (the path's)"))
        }
        if !articles.isEmpty { issues.append(issue(at: "articles", "must be empty: an entity is written on its own")) }
        if !claimArticles.isEmpty { issues.append(issue(at: "claims", "must be empty: an entity is written on its own")) }
        if !issues.isEmpty { throw Problem.invalidDocument(issues) }
    }

    /// `POST /v1/articles`: at least one article, each once, and claims only of those.
    func checkHoldsArticles() throws(Problem) {
        var issues: [ValidationIssue] = []
        if articles.isEmpty { issues.append(issue(at: "articles", "must hold at least one article")) }
        issues += claimsOutside(Set(articles))
        if !issues.isEmpty { throw Problem.invalidDocument(issues) }
    }

    /// Every claim must belong to an article of the document: its articles' claims are replaced whole.
    private func claimsOutside(_ allowed: Set<String>) -> [ValidationIssue] {
        guard case .object(let members) = root.value,
              case .array(let claims)? = members.first(where: { $0.key == "claims" })?.value.value else { return [] }
        var issues: [ValidationIssue] = []
        for (index, article) in claimArticles.enumerated() where !allowed.contains(article) {
            let path = JSONPath.root.appending("claims").appending(index).appending("article")
            issues.append(Self.issue(bytes, at: claims[index].offset, path: path,
                                     "a claim of this document must belong to \(allowed.count == 1 ? "its article" : "one of its articles"), not \(quoted(article))"))
        }
        return issues
    }

    private func issue(at key: String, _ message: String) -> ValidationIssue {
        guard case .object(let members) = root.value, let member = members.first(where: { $0.key == key }) else {
            return Self.issue(bytes, at: root.offset, path: .root, "\"\(key)\" " + message)
        }
        return Self.issue(bytes, at: member.value.offset, path: JSONPath.root.appending(key), message)
    }

    private static func issue(_ bytes: [UInt8], at offset: Int, path: JSONPath, _ message: String) -> ValidationIssue {
        let (line, column) = SourceFile(name: sourceName, bytes: bytes).location(of: offset)
        return ValidationIssue(file: sourceName, line: line, column: column, path: path.description, message: message)
    }
}
