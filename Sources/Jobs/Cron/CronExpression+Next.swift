import Foundation

extension CronExpression {
    /// The first instant after `date` at which the expression runs, reading its fields as wall-clock
    /// time in `timeZone`; nil when no such instant comes within five years (e.g. `0 0 30 2 *`).
    ///
    /// On the nights clocks change:
    /// - A wall time that does not exist (spring forward: 02:30 in America/Denver on the second
    ///   Sunday of March) runs at the instant the clocks jump (03:00 daylight time), once, however
    ///   many of the skipped minutes the expression names.
    /// - A wall time that happens twice (fall back: 01:30 on the first Sunday of November) runs at
    ///   its first occurrence only, unless the hour field is `*`: an hourly or more frequent
    ///   schedule keeps running through the repeated hour, as Vixie cron does.
    public func next(after date: Date, in timeZone: TimeZone) -> Date? {
        let after = date.timeIntervalSince1970
        let afterWall = Int((after + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
        // An instant after `date` has a wall time at least (largest clock change) before afterWall.
        let earliestWall = afterWall - 3 * 3600
        let firstDay = Self.floorDiv(earliestWall, 86_400)
        let repeatedHourRunsTwice = hours.isStar && hours.values.count == 24
        for day in firstDay..<(firstDay + 366 * 5) {
            let (_, month, dayOfMonth) = Self.civil(fromDays: day)
            guard matchesDay(month: month, day: dayOfMonth, weekday: Self.weekday(ofDays: day)) else { continue }
            var best: Double?
            for hour in hours.values {
                for minute in minutes.values {
                    let wall = day * 86_400 + hour * 3600 + minute * 60
                    if wall < earliestWall { continue }
                    let resolved = Self.instants(ofWall: wall, in: timeZone)
                    let candidates = resolved.count > 1 && !repeatedHourRunsTwice ? [resolved[0]] : resolved
                    for instant in candidates where instant > after {
                        best = min(best ?? instant, instant)
                    }
                    // Later wall times map to later instants, except the second pass through a
                    // repeated hour, which this loop has already seen: stop at the first plain hit.
                    if resolved.count == 1, resolved[0] > after, let best {
                        return Date(timeIntervalSince1970: best)
                    }
                }
            }
            if let best { return Date(timeIntervalSince1970: best) }
        }
        return nil
    }

    /// Every instant the expression runs at in `(after, through]`, at most `limit` of them
    /// (the earliest ones).
    public func runs(after: Date, through: Date, in timeZone: TimeZone, limit: Int = 10_000) -> [Date] {
        var result: [Date] = []
        var cursor = after
        while result.count < limit, let next = next(after: cursor, in: timeZone), next <= through {
            result.append(next)
            cursor = next
        }
        return result
    }

    /// The instants whose wall-clock time in `timeZone` is `wall` (seconds since 1970-01-01 00:00
    /// local): one normally, two (earlier first) in a repeated hour, and in a skipped hour the
    /// instant the clocks jumped.
    static func instants(ofWall wall: Int, in timeZone: TimeZone) -> [Double] {
        let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall)))
        var offsets = Set<Int>()
        for probe in [wall - guess - 3 * 3600, wall - guess, wall - guess + 3 * 3600] {
            offsets.insert(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(probe))))
        }
        var found: [Double] = []
        for offset in offsets {
            let instant = wall - offset
            if timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))) == offset {
                found.append(Double(instant))
            }
        }
        if !found.isEmpty { return Array(Set(found)).sorted() }
        // A gap: the wall time was skipped. Find the jump between the two candidate instants.
        guard let low = offsets.max(), let high = offsets.min() else { return [] }
        var before = wall - low  // read with the larger offset: an instant before the jump
        var after = wall - high  // read with the smaller offset: an instant after the jump
        let offsetAfter = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(after)))
        while after - before > 1 {
            let middle = before + (after - before) / 2
            if timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(middle))) == offsetAfter {
                after = middle
            } else {
                before = middle
            }
        }
        return [Double(after)]
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Day of the week of a day count since 1970-01-01 (a Thursday): 0 = Sunday.
    static func weekday(ofDays days: Int) -> Int {
        ((days % 7) + 7 + 4) % 7
    }

    /// Proleptic Gregorian (year, month, day) of a day count since 1970-01-01 (H. Hinnant's algorithm).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
