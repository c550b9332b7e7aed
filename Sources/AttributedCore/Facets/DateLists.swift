/// Items (claims, or articles) by their article's publication date, for `published_since` and `published_until`:
/// an item matches when the whole period its article's `published` names lies in the range, so an undated article
/// never matches and `2016-03` matches a range only if it holds all of March.
///
/// Three families of lists: items dated to a day, by day; items dated to a month or a day, by month; items dated
/// only to a year, by year. A range is then at most the days of its two partial months, its whole months and its
/// whole years: a union of disjoint lists (a claim is in one of them at most), about 60 + months of the range, so a
/// page of it costs what a posting list's page costs, and never more with the page number.
struct DateLists: Sendable {
    private let dayKeys: [Int32]
    private let days: PostingLists
    /// Month keys (`year * 12 + month - 1`).
    private let monthKeys: [Int32]
    private let months: PostingLists
    private let yearKeys: [Int32]
    private let years: PostingLists
    /// The first day and the last of every dated period: a range is clipped to these before it is cut up.
    private let earliest: Int32
    private let latest: Int32

    /// `periods` by article ordinal; item `i` belongs to article `articleOf(i)`, and items arrive in ascending order.
    init(periods: [PublicationPeriod?], itemCount: Int, articleOf: (Int) -> Int) {
        let dated = periods.compactMap { $0 }
        earliest = dated.map(\.first).min() ?? 0
        latest = dated.map(\.last).max() ?? -1
        func keys(_ key: (PublicationPeriod) -> Int32?) -> [Int32] { Set(dated.compactMap(key)).sorted() }
        dayKeys = keys { $0.precision == .day ? $0.first : nil }
        monthKeys = keys { $0.monthKey.map(Int32.init) }
        yearKeys = keys { $0.precision == .year ? Int32($0.year) : nil }
        // Each article's list in each family, found once: an item only reads its article's.
        func positions(_ keys: [Int32], _ key: (PublicationPeriod) -> Int32?) -> [Int32] {
            let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int32($0)) })
            return periods.map { period in period.flatMap(key).flatMap { index[$0] } ?? -1 }
        }
        let dayOf = positions(dayKeys) { $0.precision == .day ? $0.first : nil }
        let monthOf = positions(monthKeys) { $0.monthKey.map(Int32.init) }
        let yearOf = positions(yearKeys) { $0.precision == .year ? Int32($0.year) : nil }
        let lists = PostingListsBuilder.collect(listCounts: [dayKeys.count, monthKeys.count, yearKeys.count]) { builders in
            for item in 0..<itemCount {
                let article = articleOf(item)
                if dayOf[article] >= 0 { builders[0].append(UInt32(item), toList: Int(dayOf[article])) }
                if monthOf[article] >= 0 { builders[1].append(UInt32(item), toList: Int(monthOf[article])) }
                if yearOf[article] >= 0 { builders[2].append(UInt32(item), toList: Int(yearOf[article])) }
            }
        }
        (days, months, years) = (lists[0], lists[1], lists[2])
    }

    /// A family's lists, as `members` numbers them: 0 days, 1 months, 2 years.
    func lists(ofFamily family: Int) -> PostingLists {
        switch family {
        case 0: days
        case 1: months
        default: years
        }
    }

    /// The items whose period lies in `since…until` (days, inclusive; nil: unbounded).
    func cursor(since: Int32?, until: Int32?) -> PostingCursor {
        let members = members(since: since, until: until).map { ListCursor(lists(ofFamily: $0.family)[$0.list], list: $0.list) }
        switch members.count {
        case 0: return .empty
        case 1: return .list(members[0])
        default: return .union(UnionCursor(members))
        }
    }

    /// The disjoint lists whose union is `since…until`: `family` is a position in `families`.
    func members(since: Int32?, until: Int32?) -> [(family: Int, list: Int)] {
        let start = max(since ?? .min, earliest)
        let end = min(until ?? .max, latest)
        guard start <= end else { return [] }
        let (startYear, startMonth, startDay) = CalendarDay.civil(start)
        let (endYear, endMonth, endDay) = CalendarDay.civil(end)
        let firstMonth = startYear * 12 + startMonth - 1 + (startDay == 1 ? 0 : 1)
        let lastMonth = endYear * 12 + endMonth - 1 - (endDay == CalendarDay.daysIn(year: endYear, month: endMonth) ? 0 : 1)
        var members: [(family: Int, list: Int)] = []
        func add(_ family: Int, _ keys: [Int32], _ low: Int, _ high: Int) {
            guard low <= high else { return }
            for list in keys.lowerBound(of: Int32(low))..<keys.lowerBound(of: Int32(high) + 1) { members.append((family, list)) }
        }
        if firstMonth <= lastMonth {
            add(1, monthKeys, firstMonth, lastMonth)
            // The days of the partial months at either end.
            let firstWhole = CalendarDay.number(year: firstMonth / 12, month: firstMonth % 12 + 1, day: 1)
            let afterWhole = CalendarDay.number(year: (lastMonth + 1) / 12, month: (lastMonth + 1) % 12 + 1, day: 1)
            add(0, dayKeys, Int(start), Int(firstWhole) - 1)
            add(0, dayKeys, Int(afterWhole), Int(end))
        } else {
            add(0, dayKeys, Int(start), Int(end))
        }
        let firstYear = startYear + (startMonth == 1 && startDay == 1 ? 0 : 1)
        let lastYear = endYear - (endMonth == 12 && endDay == 31 ? 0 : 1)
        add(2, yearKeys, firstYear, lastYear)
        return members
    }
}

extension [Int32] {
    /// The first position whose value is ≥ `value` (the array ascending).
    func lowerBound(of value: Int32) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
