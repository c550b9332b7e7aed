import AttributedCore

/// One loaded dataset together with the native responses built for it: swapped in and out as one piece, and
/// kept alive by every request that is still using it.
final class ServedDataset: Sendable {
    let store: Store
    let responses: NativeResponses
    /// Responses of this dataset's resources, rendered on demand and kept while they are asked for.
    let cache = ResponseCache()

    init(_ store: Store) throws(ServerError) {
        self.store = store
        responses = try NativeResponses(store.representations)
    }
}
