/// Which day a person born on February 29 turns a year older in a common (non-leap) year.
///
/// The default is `march1`: minimum ages are floors, so the later birthday keeps a leap-day student
/// under an age limit one day longer, never one day too early. That is the conservative choice for
/// the child-labor rules (the FLSA does not say; several states count February 28 for other purposes,
/// so the policy can switch).
public enum LeapDayBirthday: String, Codable, Sendable, CaseIterable {
    /// March 1 in common years (default, conservative).
    case march1 = "march_1"
    /// February 28 in common years.
    case february28 = "february_28"
}

extension CalendarDay {
    /// The day a person born on `self` reaches `years` of age.
    ///
    /// `CalendarDay(iso: "2008-02-29")!.birthday(turning: 16, leapDay: .march1)` is 2024-02-29
    /// (2024 is a leap year); turning 17 it is 2025-03-01.
    public func birthday(turning years: Int, leapDay: LeapDayBirthday) -> CalendarDay {
        let (y, m, d) = components
        return CalendarDay(dayNumber: Int32(CalendarDay.birthdayNumber(year: y, month: m, day: d,
                                                                        turning: years, leapDay: leapDay)))
    }

    /// The day number of a birthday, from the birth date's components (no allocation, for hot loops).
    @inline(__always)
    static func birthdayNumber(year: Int, month: Int, day: Int, turning years: Int, leapDay: LeapDayBirthday) -> Int {
        let y = year + years
        if month == 2 && day == 29 && !isLeapYear(y) {
            return leapDay == .march1 ? daysFromCivil(year: y, month: 3, day: 1)
                                      : daysFromCivil(year: y, month: 2, day: 28)
        }
        return daysFromCivil(year: y, month: month, day: day)
    }

    /// The age in whole years on `date` of a person born on `self`.
    public func age(on date: CalendarDay, leapDay: LeapDayBirthday) -> Int {
        let (by, _, _) = components
        var age = max(0, date.year - by)
        while age > 0 && birthday(turning: age, leapDay: leapDay) > date { age -= 1 }
        return age
    }
}
