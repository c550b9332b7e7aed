/// A path template such as `/v1/claims/{id}/provenance`, matched segment by segment.
/// Ids are opaque: a parameter matches any one non-empty segment, and nothing maps to the file system.
/// A template ending in `/` (`/`, `/explore/`) ends in an empty segment, which only a path ending in `/` has.
public struct RoutePattern: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal([UInt8])
        case parameter
    }

    public let description: String
    let segments: [Segment]

    public init(_ template: String) {
        description = template
        segments = template.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") && $0.hasSuffix("}") ? .parameter : .literal(Array($0.utf8)) }
    }

    /// nil when the path (bytes starting with `/`) does not match; otherwise the byte range of the parameter's
    /// value, if the template has one. Compares bytes in place: this runs for every request.
    func match(_ path: UnsafeBufferPointer<UInt8>) -> Range<Int>?? {
        var position = 1  // after the leading '/'
        var parameter: Range<Int>?
        for (index, segment) in segments.enumerated() {
            var end = position
            while end < path.count, path[end] != UInt8(ascii: "/") { end += 1 }
            // The last segment must end the path, and every other one must be followed by more.
            guard (index == segments.count - 1) == (end == path.count) else { return nil }
            switch segment {
            case .literal(let literal):
                guard end - position == literal.count,
                      literal.withUnsafeBufferPointer({ literal in
                          literal.indices.allSatisfy { literal[$0] == path[position + $0] }
                      })
                else { return nil }
            case .parameter:
                guard end > position else { return nil }
                parameter = position..<end
            }
            position = end + 1
        }
        return .some(parameter)
    }
}
