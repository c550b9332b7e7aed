/// Who a write is made by: a token's name (what the journal and the access log record) and the publishers whose
/// articles it may write (nil: any, and entities too).
public struct WriteActor: Sendable, Equatable {
    public var name: String
    public var publishers: [String]?

    public init(name: String, publishers: [String]? = nil) {
        self.name = name
        self.publishers = publishers
    }

    func mayWrite(publisher: String) -> Bool { publishers?.contains(publisher) ?? true }
}
