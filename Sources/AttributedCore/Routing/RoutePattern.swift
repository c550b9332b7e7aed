/// A path template such as `/v1/claims/{id}/provenance`, matched segment by segment.
/// Ids are opaque: a parameter matches any one non-empty segment, and nothing maps to the file system.
/// A template ending in `/` (`/`, `/explore/`) ends in an empty segment, which only a path ending in `/` has.
public struct RoutePattern: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(Substring)
        case parameter
    }

    public let description: String
    let segments: [Segment]

    public init(_ template: String) {
        description = template
        segments = template.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") && $0.hasSuffix("}") ? .parameter : .literal($0) }
    }

    /// nil when the path does not match; otherwise the parameter's value, if the template has one.
    func match(_ pathSegments: [Substring]) -> Substring?? {
        guard pathSegments.count == segments.count else { return nil }
        var parameter: Substring?
        for (segment, pathSegment) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let literal): guard literal == pathSegment else { return nil }
            case .parameter:
                guard !pathSegment.isEmpty else { return nil }
                parameter = pathSegment
            }
        }
        return .some(parameter)
    }
}
