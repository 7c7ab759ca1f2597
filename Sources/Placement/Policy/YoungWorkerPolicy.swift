/// Hour limits for young workers (FLSA, 29 CFR 570.35: ages 14–15), checked against a slot's
/// schedule on every day of the placement on which the student is under `underAge`.
public struct YoungWorkerPolicy: Hashable, Sendable {
    /// The limits apply to days on which the student is younger than this. Default 16.
    public var underAge: Int = 16
    /// Maximum hours on a school day. Default 3.
    public var schoolDayMaxHours: Double = 3
    /// Maximum hours in a school week (a Monday–Sunday week with at least one school day). Default 18.
    public var schoolWeekMaxHours: Double = 18
    /// Maximum hours on a day without school. Default 8.
    public var nonSchoolDayMaxHours: Double = 8
    /// Maximum hours in a week without school. Default 40.
    public var nonSchoolWeekMaxHours: Double = 40
    /// No work before this time. Default 07:00.
    public var earliestStart: TimeOfDay = TimeOfDay(hour: 7, minute: 0)!
    /// No work after this time. Default 19:00 (ending exactly at 19:00 is allowed).
    public var latestEnd: TimeOfDay = TimeOfDay(hour: 19, minute: 0)!
    /// No work after this time during the summer evening period. Default 21:00.
    public var summerLatestEnd: TimeOfDay = TimeOfDay(hour: 21, minute: 0)!
    /// First day of the summer evening period each year. Default June 1 (`06-01`).
    public var summerEveningFrom: MonthDay = MonthDay(month: 6, day: 1)!
    /// Last day of the summer evening period each year. Default Labor Day, computed per year.
    public var summerEveningThrough: SummerEveningEnd = .laborDay
    /// No work during school hours on a school day. Default true.
    public var outsideSchoolHoursOnly: Bool = true

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case underAge = "under_age"
        case schoolDayMaxHours = "school_day_max_hours"
        case schoolWeekMaxHours = "school_week_max_hours"
        case nonSchoolDayMaxHours = "non_school_day_max_hours"
        case nonSchoolWeekMaxHours = "non_school_week_max_hours"
        case earliestStart = "earliest_start"
        case latestEnd = "latest_end"
        case summerLatestEnd = "summer_latest_end"
        case summerEveningFrom = "summer_evening_from"
        case summerEveningThrough = "summer_evening_through"
        case outsideSchoolHoursOnly = "outside_school_hours_only"
    }

    /// The last day of the summer evening period in `year`.
    public func summerEveningLastDay(year: Int) -> CalendarDay {
        switch summerEveningThrough {
        case .laborDay: CalendarDay.laborDay(year: year)
        case .day(let md): md.inYear(year)
        }
    }

    func validate(_ v: inout PolicyValidator) {
        v.age(underAge, "under_age")
        func hours(_ h: Double, _ key: String, max: Double) {
            v.check(h.isFinite && h >= 0 && h <= max, key, "must be a number of hours from 0 to \(Int(max)), got \(h)")
        }
        hours(schoolDayMaxHours, "school_day_max_hours", max: 24)
        hours(nonSchoolDayMaxHours, "non_school_day_max_hours", max: 24)
        hours(schoolWeekMaxHours, "school_week_max_hours", max: 168)
        hours(nonSchoolWeekMaxHours, "non_school_week_max_hours", max: 168)
        v.check(schoolDayMaxHours <= schoolWeekMaxHours, "school_day_max_hours",
                "must not exceed school_week_max_hours (\(schoolWeekMaxHours))")
        v.check(nonSchoolDayMaxHours <= nonSchoolWeekMaxHours, "non_school_day_max_hours",
                "must not exceed non_school_week_max_hours (\(nonSchoolWeekMaxHours))")
        v.check(earliestStart < latestEnd, "latest_end", "must be later than earliest_start (\(earliestStart))")
        v.check(latestEnd <= summerLatestEnd, "summer_latest_end", "must not be earlier than latest_end (\(latestEnd))")
        if case .day(let md) = summerEveningThrough {
            v.check((md.month, md.day) >= (summerEveningFrom.month, summerEveningFrom.day), "summer_evening_through",
                    "must not be before summer_evening_from (\(summerEveningFrom)) in the same year")
        }
    }
}

extension YoungWorkerPolicy: Codable {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = YoungWorkerPolicy()
        underAge = try c.value(.underAge, or: d.underAge)
        schoolDayMaxHours = try c.value(.schoolDayMaxHours, or: d.schoolDayMaxHours)
        schoolWeekMaxHours = try c.value(.schoolWeekMaxHours, or: d.schoolWeekMaxHours)
        nonSchoolDayMaxHours = try c.value(.nonSchoolDayMaxHours, or: d.nonSchoolDayMaxHours)
        nonSchoolWeekMaxHours = try c.value(.nonSchoolWeekMaxHours, or: d.nonSchoolWeekMaxHours)
        earliestStart = try c.value(.earliestStart, or: d.earliestStart)
        latestEnd = try c.value(.latestEnd, or: d.latestEnd)
        summerLatestEnd = try c.value(.summerLatestEnd, or: d.summerLatestEnd)
        summerEveningFrom = try c.value(.summerEveningFrom, or: d.summerEveningFrom)
        summerEveningThrough = try c.value(.summerEveningThrough, or: d.summerEveningThrough)
        outsideSchoolHoursOnly = try c.value(.outsideSchoolHoursOnly, or: d.outsideSchoolHoursOnly)
    }
}

/// The last day of the summer evening period: Labor Day of each year, or a fixed day of the year.
/// Encoded as `"labor_day"` or `"MM-DD"`.
public enum SummerEveningEnd: Hashable, Sendable, Codable, CustomStringConvertible {
    case laborDay
    case day(MonthDay)

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if text == "labor_day" { self = .laborDay; return }
        guard let md = MonthDay(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is neither \"labor_day\" nor a day of the year as MM-DD"))
        }
        self = .day(md)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public var description: String {
        switch self {
        case .laborDay: "labor_day"
        case .day(let md): md.description
        }
    }
}
