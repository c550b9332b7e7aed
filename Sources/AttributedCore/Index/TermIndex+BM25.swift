import Foundation  // log

/// Okapi BM25 with the usual constants. A query word matches every term it prefixes and counts as one term: its
/// frequency in a document is the sum of theirs, its document frequency that of their union (estimated by the sum,
/// capped at N). So `raid` ranks "raid, the second raid" above a text that only has the rarer "raids": a prefix's
/// rare completions do not outweigh the word itself. A document's relevance is the sum over the query's words.
extension TermIndex {
    static let k1 = 1.2
    static let b = 0.75

    /// ln(1 + (N − df + 0.5) / (df + 0.5)): always positive, so every match adds to a score.
    func inverseDocumentFrequency(_ term: Int) -> Double {
        let n = Double(documentCount)
        let df = Double(documentFrequency(term))
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The idf of a query word: of the union of the terms it prefixes.
    func inverseDocumentFrequency(of terms: Range<Int>) -> Double {
        let n = Double(documentCount)
        let df = Double(min(documentCount, documentFrequency(in: terms)))
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The BM25 weight of `term` occurring `frequency` times in `document`.
    func bm25(term: Int, frequency: Int, document: UInt32) -> Double {
        bm25(inverseDocumentFrequency: inverseDocumentFrequency(term), frequency: frequency, document: document)
    }

    func bm25(inverseDocumentFrequency idf: Double, frequency: Int, document: UInt32) -> Double {
        bm25(inverseDocumentFrequency: idf, frequency: frequency, length: documentLength(document))
    }

    /// The weight at a given document length: each step rounds monotonically, so a shorter length never gives a
    /// lower weight (what `scoreBounds` relies on).
    func bm25(inverseDocumentFrequency idf: Double, frequency: Int, length: Int) -> Double {
        let tf = Double(frequency)
        let lengthRatio = averageDocumentLength > 0 ? Double(length) / averageDocumentLength : 1
        let saturation = Self.k1 * (1 - Self.b + Self.b * lengthRatio)
        return idf * tf * (Self.k1 + 1) / (tf + saturation)
    }
}
