/// What a token allows: `read` only reads (as anyone may today); `write` also changes data, maybe only some
/// publishers' (see `Principal.publishers`).
public enum TokenScope: String, Sendable, CaseIterable {
    case read, write
}
