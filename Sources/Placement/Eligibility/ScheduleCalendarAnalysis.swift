/// What a slot's weekly schedule means over its dates under the policy's school calendar: the first
/// day it breaks a young-worker limit, and which availability (school year, summer) it needs.
/// Computed once per distinct (schedule, start, end) and shared by every student.
struct ScheduleCalendarAnalysis: Hashable, Sendable {
    /// The earliest violation of a young-worker limit, if any.
    var firstViolation: HoursViolation?
    /// Some placement day lies inside the school year.
    var usesSchoolYear: Bool
    /// Some placement day lies outside the school year.
    var usesSummer: Bool

    struct Key: Hashable {
        let schedule: WeeklySchedule
        let start: CalendarDay
        let end: CalendarDay
    }

    /// The work of one calendar day in one situation: windows starting that day, the after-midnight
    /// part of windows started the day before, or both. Overlapping windows count once.
    private struct DayWork {
        var minutes = 0
        /// First worked minute; `Int.max` when none.
        var earliest = Int.max
        /// Last worked minute + 1, clipped to the day (1440 when work runs past midnight).
        var latest = -1
        /// The latest end of a window starting that day, unclipped (> 1440 past midnight), for the message.
        var latestReported = -1
        var inSchoolHours = false

        init() {}

        init(_ segments: [(Int, Int)], weekday: Int, school: [WeeklyWindow], reported: Int) {
            var merged: [(Int, Int)] = []
            for (s, e) in segments.sorted(by: { $0 < $1 }) {
                if let last = merged.last, last.1 >= s { merged[merged.count - 1].1 = max(last.1, e) } else { merged.append((s, e)) }
            }
            for (s, e) in merged {
                minutes += e - s
                if school.contains(where: { $0.weekday == weekday && $0.start < e && s < ($0.crossesMidnight ? 1440 : $0.end) }) {
                    inSchoolHours = true
                }
            }
            earliest = merged.first?.0 ?? Int.max
            latest = merged.last?.1 ?? -1
            latestReported = reported
        }
    }

    static func analyze(_ key: Key, policy: EligibilityPolicy) -> ScheduleCalendarAnalysis {
        let yw = policy.youngWorkers
        let cal = policy.schoolCalendar
        let school = cal.schoolHours.windows
        // work[situation][weekday - 1]: situation 0 = only windows starting today, 1 = only the
        // spill from yesterday, 2 = both.
        var work = [[DayWork]](repeating: [DayWork](repeating: DayWork(), count: 7), count: 3)
        for wd in 1...7 {
            let yesterday = (wd + 5) % 7 + 1
            let today = key.schedule.windows.filter { $0.weekday == wd }.map { ($0.start, $0.crossesMidnight ? 1440 : $0.end) }
            let spill = key.schedule.windows.filter { $0.weekday == yesterday && $0.crossesMidnight }.map { (0, $0.end) }
            let reported = key.schedule.windows.filter { $0.weekday == wd }.map { $0.crossesMidnight ? 1440 + $0.end : $0.end }.max() ?? -1
            work[0][wd - 1] = DayWork(today, weekday: wd, school: school, reported: reported)
            work[1][wd - 1] = DayWork(spill, weekday: wd, school: school, reported: -1)
            work[2][wd - 1] = DayWork(today + spill, weekday: wd, school: school, reported: reported)
        }
        let sdMax = Int((yw.schoolDayMaxHours * 60).rounded()), nsdMax = Int((yw.nonSchoolDayMaxHours * 60).rounded())
        let swMax = Int((yw.schoolWeekMaxHours * 60).rounded()), nswMax = Int((yw.nonSchoolWeekMaxHours * 60).rounded())
        let earliestAllowed = yw.earliestStart.minutes
        var schoolWeekday = [Bool](repeating: false, count: 8)
        for w in school { schoolWeekday[w.weekday] = true }
        let breaks = cal.breaks.map { ($0.start.dayNumber, $0.end.dayNumber) }
        let s0 = (cal.yearStarts.month, cal.yearStarts.day), e0 = (cal.yearEnds.month, cal.yearEnds.day)

        var result = ScheduleCalendarAnalysis(firstViolation: nil, usesSchoolYear: false, usesSummer: false)
        func record(_ kind: HoursViolation.Kind, _ day: Int32, _ actual: Int, _ limit: Int) {
            if let f = result.firstViolation, f.date.dayNumber <= day { return }
            result.firstViolation = HoursViolation(kind: kind, date: CalendarDay(dayNumber: day), actual: actual, limit: limit)
        }

        let start = key.start.dayNumber, end = key.end.dayNumber
        var dayNumber = start - Int32(key.start.weekday - 1)          // the Monday on or before the start
        var (y, m, d) = CalendarDay(dayNumber: dayNumber).components
        var wd = 1
        var summerYear = Int.min
        var summerFirst = (0, 0), summerLast = (0, 0)
        var weekMinutes = 0, weekSchool = false
        var weekFirst: Int32? = nil
        while true {
            let md = (m, d)
            let inYear = s0 <= e0 ? (s0 <= md && md <= e0) : (md >= s0 || md <= e0)
            let isSchool = inYear && schoolWeekday[wd] && !breaks.contains { $0.0 <= dayNumber && dayNumber <= $0.1 }
            if isSchool { weekSchool = true }
            let inRange = dayNumber >= start && dayNumber <= end
            let spillIn = dayNumber - 1 >= start && dayNumber - 1 <= end
            if inRange || spillIn {
                let w = work[inRange ? (spillIn ? 2 : 0) : 1][wd - 1]
                if inRange { if inYear { result.usesSchoolYear = true } else { result.usesSummer = true } }
                if w.minutes > 0 {
                    if weekFirst == nil { weekFirst = dayNumber }
                    weekMinutes += w.minutes
                    if isSchool { if w.minutes > sdMax { record(.schoolDayHours, dayNumber, w.minutes, sdMax) } }
                    else if w.minutes > nsdMax { record(.nonSchoolDayHours, dayNumber, w.minutes, nsdMax) }
                    if y != summerYear {
                        summerYear = y
                        summerFirst = (yw.summerEveningFrom.month, yw.summerEveningFrom.day)
                        let last = yw.summerEveningLastDay(year: y)
                        summerLast = (last.month, last.day)
                    }
                    let latestAllowed = summerFirst <= md && md <= summerLast ? yw.summerLatestEnd.minutes : yw.latestEnd.minutes
                    if w.earliest < earliestAllowed { record(.tooEarly, dayNumber, w.earliest, earliestAllowed) }
                    if w.latest > latestAllowed { record(.tooLate, dayNumber, max(w.latest, w.latestReported), latestAllowed) }
                    if isSchool && yw.outsideSchoolHoursOnly && w.inSchoolHours { record(.duringSchoolHours, dayNumber, 0, 0) }
                }
            }
            if wd == 7 {
                if let first = weekFirst {
                    let limit = weekSchool ? swMax : nswMax
                    if weekMinutes > limit { record(weekSchool ? .schoolWeekHours : .nonSchoolWeekHours, first, weekMinutes, limit) }
                }
                // Past the range (and its spill day), or a violation found before this week ended: done.
                if dayNumber > end + 1 || result.firstViolation != nil && dayNumber > start { break }
                weekMinutes = 0; weekSchool = false; weekFirst = nil
            }
            dayNumber += 1
            wd = wd % 7 + 1
            d += 1
            if d > CalendarDay.daysInMonth(year: y, month: m) { d = 1; m += 1; if m > 12 { m = 1; y += 1 } }
        }
        if result.firstViolation != nil && (!result.usesSchoolYear || !result.usesSummer) {
            // Stopped early: finish the season flags cheaply by sampling every day of the range.
            var day = start
            while day <= end && !(result.usesSchoolYear && result.usesSummer) {
                if cal.isInSchoolYear(CalendarDay(dayNumber: day)) { result.usesSchoolYear = true } else { result.usesSummer = true }
                day += 1
            }
        }
        return result
    }
}
