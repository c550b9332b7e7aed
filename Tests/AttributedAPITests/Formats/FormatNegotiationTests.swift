@testable import AttributedCore
import Testing

/// `format` and `Accept` on the data routes: which representation, the errors, `Vary`, and an ETag (and 304) per
/// representation.
@Suite struct FormatNegotiationTests {
    static let dataRoutes = ["/v1/articles", "/v1/articles/is-emerging-in-karachi", "/v1/articles/is-emerging-in-karachi/claims",
                             "/v1/articles/is-emerging-in-karachi/indicators", "/v1/claims", "/v1/claims/c15",
                             "/v1/claims/c15/provenance", "/v1/entities", "/v1/entities/pakistan-today",
                             "/v1/entities/pakistan-today/claims", "/v1/indicators",
                             "/v1/articles/is-emerging-in-karachi/revisions", "/v1/changes"]
    /// The one data route that speaks no JSON of the API's own: a Web Annotation container (AnnotationContainerTests).
    static let annotationContainer = "/v1/articles/is-emerging-in-karachi/annotations"
    /// How many formats each route offers, where it is more than JSON alone.
    static let offerCounts = ["/v1/claims/c15/provenance": 2, "/v1/claims/c15": 3, "/v1/articles/is-emerging-in-karachi": 2,
                              "/v1/articles/is-emerging-in-karachi/revisions": 4, "/v1/indicators": 3]

    /// The routes that answer lists, and so also offer the exports (`format=ndjson`, `format=csv`).
    static let listRoutes = ["/v1/articles", "/v1/articles/is-emerging-in-karachi/claims", "/v1/claims", "/v1/entities",
                             "/v1/entities/pakistan-today/claims"]

    @Test(arguments: dataRoutes)
    func everyDataRouteTakesFormatJSONAndVariesByAccept(path: String) throws {
        let plain = SeedAPI.get(path)
        let explicit = SeedAPI.get(path + "?format=json")
        #expect(plain.status == 200)
        #expect(explicit.status == 200)
        #expect(explicit.bodyBytes == plain.bodyBytes)
        #expect(explicit.header("ETag") == plain.header("ETag"))
        #expect(plain.header("Vary") == "Accept, Accept-Encoding")
        let etag = try #require(plain.header("ETag"))
        let notModified = SeedAPI.get(path, ifNoneMatch: etag)
        #expect(notModified.status == 304)
        #expect(notModified.header("Vary") == "Accept, Accept-Encoding")
    }

    @Test(arguments: dataRoutes + [annotationContainer])
    func anAcceptNothingSatisfiesIs406ListingTheOffers(path: String) throws {
        let response = SeedAPI.get(path, accept: "text/html, application/xml;q=0.9")
        #expect(response.status == 406)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.header("Vary") == "Accept")
        #expect(response.object["type"] as? String == "urn:attributed:problem:not-acceptable")
        let available = try #require(response.object["available"] as? [[String: String]])
        if path == Self.annotationContainer {
            #expect(available == [["format": "annotation", "mediaType": MediaType.annotation]])
        } else {
            #expect(available.first == ["format": "json", "mediaType": "application/json"])
            #expect(available.count == (Self.listRoutes.contains(path) ? 3 : Self.offerCounts[path, default: 1]))
        }
    }

    @Test func formatWinsOverAccept() {
        #expect(SeedAPI.get("/v1/claims/c15?format=json", accept: "text/html").status == 200)
        let prov = SeedAPI.get("/v1/claims/c15/provenance?format=prov", accept: "text/html")
        #expect(prov.status == 200)
        #expect(prov.object["prefix"] != nil)
    }

    @Test(arguments: [
        ("/v1/claims?format=xml", "json, ndjson, csv"), ("/v1/claims/c15?format=prov", "json, jsonld, annotation"),
        ("/v1/claims/c15?format=", "json, jsonld, annotation"),
        ("/v1/claims/c15/provenance?format=PROV", "json, prov"), ("/v1/indicators?format=xml", "json, ndjson, csv"),
        ("/v1/articles/is-emerging-in-karachi?format=annotation", "json, jsonld"),
        ("/v1/articles/is-emerging-in-karachi/annotations?format=json", "annotation"),
    ])
    func anUnknownFormatIs400NamingIt(target: String, offered: String) {
        let response = SeedAPI.get(target)
        #expect(response.status == 400)
        #expect(response.object["parameter"] as? String == "format")
        #expect(response.object["detail"] as? String == "query parameter \"format\" must be one of: \(offered)")
    }

    @Test(arguments: ["/healthz", "/readyz", "/openapi.yaml", "/"])
    func routesThatAreNotDataTakeNoFormat(path: String) {
        let response = SeedAPI.get(path + "?format=json")
        #expect(response.status == 400)
        #expect(response.object["parameter"] as? String == "format")
    }

    @Test func formatIsListedAmongAListsKnownParameters() {
        let detail = SeedAPI.get("/v1/articles?nope=1").object["detail"] as? String
        #expect(detail == "unknown query parameter \"nope\"; known parameters: cursor, facet, facet_size, format, language, limit, published_since, published_until, publisher")
    }

    @Test func eachRepresentationHasItsOwnETagAnd304() throws {
        let json = SeedAPI.get("/v1/claims/c15/provenance")
        let prov = SeedAPI.get("/v1/claims/c15/provenance?format=prov")
        let jsonTag = try #require(json.header("ETag"))
        let provTag = try #require(prov.header("ETag"))
        #expect(jsonTag != provTag)
        #expect(json.bodyBytes != prov.bodyBytes)
        #expect(SeedAPI.get("/v1/claims/c15/provenance?format=prov", ifNoneMatch: provTag).status == 304)
        #expect(SeedAPI.get("/v1/claims/c15/provenance?format=prov", ifNoneMatch: jsonTag).status == 200)
        #expect(SeedAPI.get("/v1/claims/c15/provenance", ifNoneMatch: provTag).status == 200)
        #expect(SeedAPI.get("/v1/claims/c15/provenance", ifNoneMatch: jsonTag).status == 304)
        // Every claim's PROV tag is its own.
        let tags = Set((1...28).map { SeedAPI.get("/v1/claims/c\($0 < 10 ? "0" : "")\($0)/provenance?format=prov").header("ETag") })
        #expect(tags.count == 28)
    }

    @Test func theJSONBodiesAndTagsAreUnchanged() {
        // A claim's tag is still the hash of its bytes; `Accept: */*` and no Accept are the same response.
        let claim = SeedAPI.get("/v1/claims/c15")
        #expect(claim.header("ETag") == ETag.strong(for: claim.bodyBytes))
        let star = SeedAPI.get("/v1/claims/c15", accept: "*/*")
        #expect(star.bodyBytes == claim.bodyBytes)
        #expect(star.header("ETag") == claim.header("ETag"))
        #expect(SeedAPI.get("/v1/claims/c15/provenance", accept: "application/json").object["chain"] != nil)
    }

    /// The contract says what the code does: every `/v1` path documents `format`, the 406 and `Vary` (the
    /// provenance route with `prov` too, a claim and an article their JSON-LD, the lists the exports, the annotation
    /// container its own format and `Vary: Accept, Prefer, Accept-Encoding`); no other path takes `format`.
    @Test func openAPIDocumentsFormatOnExactlyTheDataRoutes() {
        let yaml = String(decoding: SeedAPI.get("/openapi.yaml").bodyBytes, as: UTF8.self)
        var blocks: [(path: String, text: String)] = []
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                blocks.append((String(line.dropFirst(2).dropLast()), ""))
            } else if !line.hasPrefix(" "), !line.isEmpty {
                if blocks.last?.path != "" { blocks.append(("", "")) }
            } else if !blocks.isEmpty {
                blocks[blocks.count - 1].text += line + "\n"
            }
        }
        let paths = blocks.filter { !$0.path.isEmpty }
        // + the annotation container, and a revision's document (404 on the seed, which has no history)
        #expect(paths.filter { $0.path.hasPrefix("/v1/") }.count == Self.dataRoutes.count + 2)
        let ownFormats = ["/v1/claims/{id}/provenance": "ProvenanceFormat", "/v1/claims/{id}": "ClaimFormat",
                          "/v1/articles/{id}": "ArticleFormat", "/v1/articles/{id}/annotations": "AnnotationContainerFormat",
                          "/v1/articles/{id}/revisions": "RevisionsFormat", "/v1/indicators": "IndicatorsFormat"]
        for (path, text) in paths {
            let formatParameters = ["Format", "ListFormat"] + ownFormats.values
            let takesFormat = formatParameters.filter { text.contains("parameters/\($0)'") }
            #expect(takesFormat.count == (path.hasPrefix("/v1/") ? 1 : 0), "\(path): format")
            for (route, parameter) in ownFormats {
                #expect(text.contains("parameters/\(parameter)'") == (path == route), "\(path): \(parameter)")
            }
            let isList = Self.listRoutes.contains(path.replacingOccurrences(of: "{id}", with: path.hasPrefix("/v1/articles")
                ? "is-emerging-in-karachi" : "pakistan-today"))
            #expect(text.contains("parameters/ListFormat'") == isList, "\(path): exports")
            if isList {
                #expect(text.contains("application/x-ndjson:") && text.contains("text/csv:"), "\(path): export media types")
            }
            if path.hasPrefix("/v1/") {
                #expect(text.contains("'406': {$ref: '#/components/responses/NotAcceptable'}"), "\(path): 406")
                let vary = path == "/v1/articles/{id}/annotations" ? "VaryAcceptPrefer" : "VaryAcceptData"
                #expect(text.contains("Vary: {$ref: '#/components/headers/\(vary)'}"), "\(path): Vary")
            }
        }
    }
}
