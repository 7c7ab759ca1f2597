/// When school is in session: which days are school days (for the young-worker hour limits) and
/// which availability (school year or summer) a placement day uses.
///
/// A day is a school day when it is inside the school year (`yearStarts` through `yearEnds`,
/// recurring every year), not inside a break, and its weekday has school hours. Counting a day as a
/// school day is always the stricter reading, so a calendar without breaks errs on the safe side.
public struct SchoolCalendar: Hashable, Sendable {
    /// First day of each school year. Default August 13 (`08-13`) (verify per district).
    public var yearStarts: MonthDay = MonthDay(month: 8, day: 13)!
    /// Last day of each school year. Default May 22 (`05-22`) (verify per district).
    public var yearEnds: MonthDay = MonthDay(month: 5, day: 22)!
    /// School hours on school days. Default `Mon-Fri 08:00-15:30`.
    public var schoolHours: WeeklySchedule = try! WeeklySchedule(parsing: "Mon-Fri 08:00-15:30")
    /// Days without school inside the school year (holidays, winter and spring breaks). Default none.
    public var breaks: [DateRange] = []

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case yearStarts = "year_starts"
        case yearEnds = "year_ends"
        case schoolHours = "school_hours"
        case breaks
    }

    /// Whether `day` is inside the school year (breaks and weekends included).
    public func isInSchoolYear(_ day: CalendarDay) -> Bool {
        let (_, m, d) = day.components
        let md = (m, d), s = (yearStarts.month, yearStarts.day), e = (yearEnds.month, yearEnds.day)
        return s <= e ? (s <= md && md <= e) : (md >= s || md <= e)
    }

    /// Whether school is in session on `day`.
    public func isSchoolDay(_ day: CalendarDay) -> Bool {
        guard isInSchoolYear(day) else { return false }
        let wd = day.weekday
        guard schoolHours.windows.contains(where: { $0.weekday == wd }) else { return false }
        return !breaks.contains { $0.contains(day) }
    }

    func validate(_ v: inout PolicyValidator) {
        v.check(yearStarts != yearEnds, "year_ends", "must differ from year_starts")
        for (i, b) in breaks.enumerated() {
            v.check(b.start <= b.end, "breaks[\(i)].end", "must not be before its start (\(b.start))")
        }
    }
}

extension SchoolCalendar: Codable {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SchoolCalendar()
        yearStarts = try c.value(.yearStarts, or: d.yearStarts)
        yearEnds = try c.value(.yearEnds, or: d.yearEnds)
        schoolHours = try c.value(.schoolHours, or: d.schoolHours)
        breaks = try c.value(.breaks, or: d.breaks)
    }
}
