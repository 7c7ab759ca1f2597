import Testing
@testable import Placement

/// The young-worker hour analysis against a minute-by-minute oracle written independently:
/// both must find the same first violating day for random schedules, dates and calendars.
@Suite struct HoursOracleTests {
    /// Minute-by-minute: the worked minutes of each day, then every limit checked on each day.
    static func oracleFirstViolation(_ slot: Slot, _ policy: EligibilityPolicy) -> CalendarDay? {
        let yw = policy.youngWorkers, cal = policy.schoolCalendar
        func worked(_ day: CalendarDay) -> [Bool] {
            var m = [Bool](repeating: false, count: 1440)
            for w in slot.schedule.windows {
                if day >= slot.startDate && day <= slot.endDate && w.weekday == day.weekday {
                    for t in w.start..<(w.crossesMidnight ? 1440 : w.end) { m[t] = true }
                }
                let prev = day.adding(days: -1)
                if w.crossesMidnight && prev >= slot.startDate && prev <= slot.endDate && w.weekday == prev.weekday {
                    for t in 0..<w.end { m[t] = true }
                }
            }
            return m
        }
        func schoolHoursMinute(_ day: CalendarDay, _ t: Int) -> Bool {
            cal.schoolHours.windows.contains { $0.weekday == day.weekday && $0.start <= t && t < ($0.crossesMidnight ? 1440 : $0.end) }
        }
        var first: CalendarDay? = nil
        func note(_ d: CalendarDay) { if first == nil || d < first! { first = d } }
        var day = slot.startDate.adding(days: -(slot.startDate.weekday - 1))
        let last = slot.endDate.adding(days: 1)
        while day <= last {
            // One Monday–Sunday week.
            var weekMinutes = 0, weekSchool = false
            var weekFirst: CalendarDay? = nil
            for k in 0..<7 {
                let d = day.adding(days: k)
                let school = cal.isSchoolDay(d)
                if school { weekSchool = true }
                let m = worked(d)
                let minutes = m.filter { $0 }.count
                guard minutes > 0 else { continue }
                if weekFirst == nil { weekFirst = d }
                weekMinutes += minutes
                let dayLimit = Int(((school ? yw.schoolDayMaxHours : yw.nonSchoolDayMaxHours) * 60).rounded())
                if minutes > dayLimit { note(d) }
                let summer = d >= yw.summerEveningFrom.inYear(d.year) && d <= yw.summerEveningLastDay(year: d.year)
                let latest = (summer ? yw.summerLatestEnd : yw.latestEnd).minutes
                for t in 0..<1440 where m[t] {
                    if t < yw.earliestStart.minutes || t >= latest { note(d) }
                    if school && yw.outsideSchoolHoursOnly && schoolHoursMinute(d, t) { note(d) }
                }
            }
            if let wf = weekFirst {
                let limit = Int(((weekSchool ? yw.schoolWeekMaxHours : yw.nonSchoolWeekMaxHours) * 60).rounded())
                if weekMinutes > limit { note(wf) }
            }
            day = day.adding(days: 7)
        }
        return first
    }

    @Test func analysisMatchesTheOracle() {
        var r = RandomData(seed: 11)
        var found = 0, clean = 0
        for i in 0..<400 {
            var policy = EligibilityPolicy()
            if r.bool(0.3) { policy.schoolCalendar.breaks = [DateRange(start: r.day(), end: r.day())].map { DateRange(start: min($0.start, $0.end), end: max($0.start, $0.end)) } }
            if r.bool(0.2) { policy.youngWorkers.summerEveningThrough = .day(MonthDay(month: 8, day: r.int(1...31))!) }
            var slot = r.slot(id: Int64(i))
            slot.active = true
            slot.endDate = slot.startDate.adding(days: r.int(0...40))
            if r.bool(0.5) { slot.schedule = WeeklySchedule(windows: slot.schedule.windows.filter { !$0.crossesMidnight }.map {
                WeeklyWindow(weekday: $0.weekday, start: max($0.start, 420) , end: max(min($0.end, 1140), max($0.start, 420) + 15)) ?? $0 }) }
            let analysis = ScheduleCalendarAnalysis.analyze(.init(schedule: slot.schedule, start: slot.startDate, end: slot.endDate), policy: policy)
            let expected = Self.oracleFirstViolation(slot, policy)
            #expect(analysis.firstViolation?.date == expected, "\(slot.schedule.text) \(slot.startDate)…\(slot.endDate): \(String(describing: analysis.firstViolation))")
            if expected == nil { clean += 1 } else { found += 1 }
        }
        #expect(found > 40 && clean > 40, "found \(found) clean \(clean)")
    }
}
