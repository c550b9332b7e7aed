/// The problems only the history and feed routes answer.
extension Problem {
    /// RFC 9110 §15.5.11: the article was deleted; its history stays, and the `Link` says where.
    static func gone(_ article: String, by change: Change) -> Problem {
        let revisions = RevisionPaths.list(article)
        return Problem(status: 410, kind: "gone", title: "Gone",
                       detail: "article \(quoted(article)) was deleted by revision \(change.revision ?? 0) (\(change.time), "
                           + "by \(change.actor ?? "-")); its revisions stay at \(revisions)",
                       extraHeaders: [HTTPHeader("Link", "<\(revisions)>; rel=\"version-history\"")])
    }

    /// The retention left out changes after the follower's position: it has to start over, not skip them unseen.
    static func changesPruned(through seq: UInt64) -> Problem {
        Problem(status: 410, kind: "changes-pruned", title: "Gone",
                detail: "changes up to seq \(seq) are no longer all kept (--history-retention): read the current articles "
                    + "(each one's last revision is kept) and follow on from after=\(seq)")
    }

    static func invalidRevision(_ value: String) -> Problem {
        Problem(status: 400, kind: "invalid-revision", title: "Invalid revision",
                detail: "revision \(quoted(value)) is not a revision number: revisions are numbered 1, 2, … per article")
    }

    static func invalidLastEventID(_ value: String) -> Problem {
        Problem(status: 400, kind: "invalid-last-event-id", title: "Invalid Last-Event-ID",
                detail: "Last-Event-ID \(quoted(String(value.prefix(64)))) is not a seq of this feed: it must be a whole number")
    }

    static func tooManyFollowers(limit: Int) -> Problem {
        Problem(status: 503, kind: "too-many-followers", title: "Service Unavailable",
                detail: "\(limit) clients already follow the feed live (--max-followers); retry later, or page with ?after=",
                extraHeaders: [HTTPHeader("Retry-After", "5")])
    }
}
