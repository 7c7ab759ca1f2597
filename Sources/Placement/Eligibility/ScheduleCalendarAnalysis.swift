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

    /// Per-weekday shape of a schedule (index 0 = Monday).
    private struct Shape {
        var today = [Int](repeating: 0, count: 7)         // minutes before midnight of windows starting that day
        var spill = [Int](repeating: 0, count: 7)         // minutes after midnight of windows starting that day
        var earliest = [Int](repeating: Int.max, count: 7)
        var latest = [Int](repeating: -1, count: 7)       // latest end, minutes after that day's midnight (> 1440 past midnight)
        var todayInSchool = [Bool](repeating: false, count: 7)
        var spillInSchool = [Bool](repeating: false, count: 7)  // the after-midnight part overlaps the next day's school hours
    }

    static func analyze(_ key: Key, policy: EligibilityPolicy) -> ScheduleCalendarAnalysis {
        let yw = policy.youngWorkers
        let cal = policy.schoolCalendar
        let school = cal.schoolHours.windows
        func overlapsSchool(weekday: Int, _ s: Int, _ e: Int) -> Bool {
            school.contains { $0.weekday == weekday && $0.start < e && s < ($0.crossesMidnight ? 1440 : $0.end) }
        }
        var shape = Shape()
        for w in key.schedule.windows {
            let i = w.weekday - 1
            let endToday = w.crossesMidnight ? 1440 : w.end
            shape.today[i] += endToday - w.start
            shape.earliest[i] = min(shape.earliest[i], w.start)
            shape.latest[i] = max(shape.latest[i], w.crossesMidnight ? 1440 + w.end : w.end)
            if overlapsSchool(weekday: w.weekday, w.start, endToday) { shape.todayInSchool[i] = true }
            if w.crossesMidnight {
                shape.spill[i] += w.end
                if overlapsSchool(weekday: w.weekday % 7 + 1, 0, w.end) { shape.spillInSchool[i] = true }
            }
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
                let i = wd - 1, p = (wd + 5) % 7
                let mins = (inRange ? shape.today[i] : 0) + (spillIn ? shape.spill[p] : 0)
                if inRange { if inYear { result.usesSchoolYear = true } else { result.usesSummer = true } }
                if mins > 0 {
                    if weekFirst == nil { weekFirst = dayNumber }
                    weekMinutes += mins
                    if isSchool { if mins > sdMax { record(.schoolDayHours, dayNumber, mins, sdMax) } }
                    else if mins > nsdMax { record(.nonSchoolDayHours, dayNumber, mins, nsdMax) }
                    if y != summerYear {
                        summerYear = y
                        summerFirst = (yw.summerEveningFrom.month, yw.summerEveningFrom.day)
                        let last = yw.summerEveningLastDay(year: y)
                        summerLast = (last.month, last.day)
                    }
                    let latestAllowed = summerFirst <= md && md <= summerLast ? yw.summerLatestEnd.minutes : yw.latestEnd.minutes
                    if inRange && shape.today[i] > 0 {
                        if shape.earliest[i] < earliestAllowed { record(.tooEarly, dayNumber, shape.earliest[i], earliestAllowed) }
                        if shape.latest[i] > latestAllowed { record(.tooLate, dayNumber, shape.latest[i], latestAllowed) }
                    }
                    if spillIn && shape.spill[p] > 0 && earliestAllowed > 0 {
                        // Work continuing past midnight into this day starts it at 00:00.
                        record(.tooEarly, dayNumber, 0, earliestAllowed)
                    }
                    if isSchool && yw.outsideSchoolHoursOnly
                        && (inRange && shape.todayInSchool[i] || spillIn && shape.spillInSchool[p]) {
                        record(.duringSchoolHours, dayNumber, 0, 0)
                    }
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
