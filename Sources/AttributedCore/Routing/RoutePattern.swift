import Glibc

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
        precondition(segments.count <= Self.maximumSegments, "route \(template) has more segments than a path is split into")
    }

    /// The byte ranges of a matched path's parameters: the first (`{id}`) and, in the one template with two
    /// (`/v1/articles/{id}/revisions/{n}`), the second.
    struct Parameters {
        var first: Range<Int>?
        var second: Range<Int>?
    }

    /// nil when the path does not match; otherwise the byte ranges of the parameters' values, if the template has
    /// any. `path` is split once for every route (`PathSegments`); this compares the segments' bytes in place.
    func match(_ path: PathSegments) -> Parameters? {
        guard path.count == segments.count else { return nil }
        var parameters = Parameters()
        for (index, segment) in segments.enumerated() {
            let range = path[index]
            switch segment {
            case .literal(let literal):
                guard range.count == literal.count, range.isEmpty || literal.withUnsafeBufferPointer({
                          memcmp($0.baseAddress!, path.bytes.baseAddress! + range.lowerBound, range.count) == 0
                      })
                else { return nil }
            case .parameter:
                guard !range.isEmpty else { return nil }
                if parameters.first == nil { parameters.first = range } else { parameters.second = range }
            }
        }
        return parameters
    }

    /// The most segments a template has (what `PathSegments` keeps): a path with more matches none.
    static var maximumSegments: Int { PathSegments.Ranges.count }
}

/// A path's segments (after its leading `/`) as byte ranges, found once per request. Paths of more segments than
/// any template are not split (`count` is then past `RoutePattern.maximumSegments` and nothing matches).
struct PathSegments {
    typealias Ranges = InlineArray<5, Range<Int>>

    let bytes: UnsafeBufferPointer<UInt8>
    private var ranges = Ranges(repeating: 0..<0)
    private(set) var count = 0

    /// `path` starts with `/`.
    init(_ path: UnsafeBufferPointer<UInt8>) {
        bytes = path
        var position = 1
        while true {
            var end = position
            while end < path.count, path[end] != UInt8(ascii: "/") { end += 1 }
            guard count < ranges.count else {
                count += 1  // one too many: no template matches
                return
            }
            ranges[count] = position..<end
            count += 1
            guard end < path.count else { return }
            position = end + 1
        }
    }

    subscript(index: Int) -> Range<Int> { ranges[index] }
}
