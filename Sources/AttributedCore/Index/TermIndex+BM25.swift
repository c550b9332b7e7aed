import Foundation  // log

/// Okapi BM25 with the usual constants; a query word matches every term it prefixes, and a document's relevance is the
/// sum over its matched (word, term) pairs.
extension TermIndex {
    static let k1 = 1.2
    static let b = 0.75

    /// ln(1 + (N − df + 0.5) / (df + 0.5)): always positive, so every match adds to a score.
    func inverseDocumentFrequency(_ term: Int) -> Double {
        let n = Double(documentCount)
        let df = Double(documentFrequency(term))
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The BM25 weight of `term` occurring `frequency` times in `document`.
    func bm25(term: Int, frequency: Int, document: UInt32) -> Double {
        let tf = Double(frequency)
        let lengthRatio = averageDocumentLength > 0 ? Double(documentLength(document)) / averageDocumentLength : 1
        let saturation = Self.k1 * (1 - Self.b + Self.b * lengthRatio)
        return inverseDocumentFrequency(term) * tf * (Self.k1 + 1) / (tf + saturation)
    }
}
