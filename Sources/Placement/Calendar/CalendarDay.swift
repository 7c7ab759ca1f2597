/// A civil date (year, month, day) with no time of day and no time zone.
///
/// Placements, birthdays and school calendars are dates on a wall calendar, so a date here never
/// passes through `Date` and a time zone (where "June 2" could become "June 1" at UTC-6). Internally
/// a day is its number of days since 1970-01-01, which makes comparisons and day arithmetic plain
/// integer operations. Encoded as ISO 8601 text, `"2026-06-02"`.
public struct CalendarDay: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before).
    public let dayNumber: Int32

    /// The day with this number of days since 1970-01-01.
    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    /// The given civil date, or `nil` when it does not exist (February 30, month 13, ...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDay.daysInMonth(year: year, month: month) else { return nil }
        self.dayNumber = Int32(CalendarDay.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD`; `nil` when the text is not such a date.
    @inlinable    // specialized where it is called: generic byte iteration costs more than the parse
    public init?(iso text: some StringProtocol) {
        // Byte by byte: a run's snapshot parses a few hundred thousand of these.
        var year = 0, month = 0, day = 0, position = 0
        for byte in text.utf8 {
            if position == 4 || position == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard position < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if position < 4 { year = year * 10 + digit } else if position < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            }
            position += 1
        }
        guard position == 10 else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month (1–12) and day (1–31).
    public var components: (year: Int, month: Int, day: Int) {
        CalendarDay.civilFromDays(Int(dayNumber))
    }
    /// The year.
    public var year: Int { components.year }
    /// The month, 1–12.
    public var month: Int { components.month }
    /// The day of the month, 1–31.
    public var day: Int { components.day }

    /// ISO 8601 weekday: Monday = 1 ... Sunday = 7.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (Int(dayNumber) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// This day moved by `days` (negative moves back).
    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + Int32(days)) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDay) -> Int { Int(other.dayNumber) - Int(dayNumber) }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.dayNumber < b.dayNumber }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// A date a counselor reads: `June 2, 2026`.
    public var readable: String {
        let (y, m, d) = components
        return "\(CalendarDay.monthNames[m - 1]) \(d), \(y)"
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// Whether `year` has a February 29 (proleptic Gregorian).
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in a month of a year.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Labor Day of a year: the first Monday of September.
    public static func laborDay(year: Int) -> CalendarDay {
        let first = CalendarDay(year: year, month: 9, day: 1)!
        return first.adding(days: (8 - first.weekday) % 7)
    }

    /// Days since 1970-01-01 of a valid civil date (H. Hinnant's `days_from_civil`).
    @inline(__always)
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day number (H. Hinnant's `civil_from_days`).
    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

@inline(__always)
func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

extension CalendarDay: CustomStringConvertible {
    public var description: String { iso }
}

extension CalendarDay: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(iso: text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2026-06-02"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
