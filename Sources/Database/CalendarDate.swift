import Foundation

/// A day on the calendar with no time and no time zone: SQL `date` (birth dates, slot start and end dates).
///
/// ```swift
/// let birth = CalendarDate(year: 2009, month: 4, day: 17)
/// try await pool.execute("UPDATE student SET birth_date = $1 WHERE id = $2", [birth, id])
/// ```
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Makes a date; the parts are not checked (use `init?(_ text:)` for input).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible day (2025-02-30).
    public init?(_ text: String) {
        var scanner = DateTimeScanner(text)
        guard let y = scanner.number(minDigits: 4, maxDigits: 6), scanner.skip(UInt8(ascii: "-")),
              let m = scanner.number(minDigits: 2, maxDigits: 2), scanner.skip(UInt8(ascii: "-")),
              let d = scanner.number(minDigits: 2, maxDigits: 2), scanner.atEnd,
              (1...12).contains(m), d >= 1, d <= CivilCalendar.daysInMonth(year: y, month: m)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The calendar day that `date` falls on in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        let local = Int((date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let civil = CivilCalendar.civil(days: days)
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int { CivilCalendar.days(year: year, month: month, day: day) }

    /// The date `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDate {
        let civil = CivilCalendar.civil(days: daysSinceEpoch + count)
        return CalendarDate(year: civil.year, month: civil.month, day: civil.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(CivilCalendar.pad(year, 4))-\(CivilCalendar.pad(month, 2))-\(CivilCalendar.pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = CalendarDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not a date (YYYY-MM-DD)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CalendarDate: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .date }
    public var sqlText: String? { description }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> CalendarDate {
        guard type == .date || type.isTextual else { throw .wrongType(type) }
        guard let value = CalendarDate(text) else {
            throw .malformed(text, expected: "a date (YYYY-MM-DD; infinity and BC dates are not supported)")
        }
        return value
    }
}
