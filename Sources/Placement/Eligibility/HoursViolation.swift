/// The first day a slot's schedule breaks a young-worker limit (applies while the student is under
/// the policy's `young_workers.under_age`).
public struct HoursViolation: Hashable, Sendable {
    /// Which limit.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// More hours on a school day than allowed.
        case schoolDayHours = "school_day_hours"
        /// More hours in a school week than allowed.
        case schoolWeekHours = "school_week_hours"
        /// More hours on a day without school than allowed.
        case nonSchoolDayHours = "non_school_day_hours"
        /// More hours in a week without school than allowed.
        case nonSchoolWeekHours = "non_school_week_hours"
        /// Work starts before the earliest allowed time.
        case tooEarly = "too_early"
        /// Work ends after the latest allowed time (19:00, or 21:00 in the summer evening period).
        case tooLate = "too_late"
        /// Work during school hours on a school day.
        case duringSchoolHours = "during_school_hours"
    }

    public var kind: Kind
    /// The day (for weekly limits, the first placement day of that week).
    public var date: CalendarDay
    /// For hour limits: minutes scheduled that day or week; for time limits: the offending time in
    /// minutes after the day's midnight (may exceed 1440 for work past midnight).
    public var actual: Int
    /// For hour limits: the limit in minutes; for time limits: the limit as minutes after midnight.
    public var limit: Int

    public init(kind: Kind, date: CalendarDay, actual: Int, limit: Int) {
        self.kind = kind
        self.date = date
        self.actual = actual
        self.limit = limit
    }

    /// What happens on `date`, as a counselor reads it.
    var sentence: String {
        func hours(_ m: Int) -> String {
            let h = Double(m) / 60
            let text = h == h.rounded() ? String(Int(h)) : String((h * 100).rounded() / 100)
            return text + (h == 1 ? " hour" : " hours")
        }
        func time(_ m: Int) -> String { m >= 1440 && m != 1440 ? "\(TimeOfDay(minutes: m - 1440)!.readable) the next day" : TimeOfDay(minutes: m)!.readable }
        let day = date.readable
        switch kind {
        case .schoolDayHours: return "on \(day), a school day, the schedule has \(hours(actual)) of work; the limit is \(hours(limit))"
        case .schoolWeekHours: return "in the school week of \(day) the schedule has \(hours(actual)) of work; the limit is \(hours(limit))"
        case .nonSchoolDayHours: return "on \(day) the schedule has \(hours(actual)) of work; the limit is \(hours(limit))"
        case .nonSchoolWeekHours: return "in the week of \(day) the schedule has \(hours(actual)) of work; the limit is \(hours(limit))"
        case .tooEarly: return "on \(day) work starts at \(time(actual)), before \(time(limit))"
        case .tooLate: return "on \(day) work ends at \(time(actual)), after \(time(limit))"
        case .duringSchoolHours: return "on \(day), a school day, work falls in school hours"
        }
    }
}
