/// What the history and feed routes read: the history (once the dataset directory is open with its writer; a
/// server without writes has none, and an empty feed) and the live followers.
public final class ChangeFeed: Sendable {
    public let followers: FollowerHub
    private let slot = Locked<History?>(nil)

    public init(followers: FollowerHub) {
        self.followers = followers
    }

    public var history: History? { slot.withLock { $0 } }

    public func attach(_ history: History) {
        slot.withLock { $0 = history }
        let followers = followers
        history.observe { _ in followers.wake() }
    }
}
