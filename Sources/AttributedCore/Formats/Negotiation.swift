/// Which of its formats a data route answers with: `?format=` when given (the curl-friendly override: it wins
/// over `Accept`), else the best by `Accept`, else 406.
extension RouteContext {
    func negotiate(_ parameters: QueryParameters) throws(Problem) -> Format {
        guard let offer = parameters.formatOffer else { return .json }
        if let requested = parameters.requestedFormat { return requested }
        guard let chosen = ContentNegotiation.best(of: offer.formats, accept: request.accept) else {
            throw .notAcceptable(offer)
        }
        return chosen
    }
}
