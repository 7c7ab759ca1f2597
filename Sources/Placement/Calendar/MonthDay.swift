/// A day of the year without a year (recurring every year), e.g. June 1. Encoded as `"06-01"`.
/// February 29 is not allowed: a recurring date must exist every year.
public struct MonthDay: Hashable, Sendable, CustomStringConvertible {
    public let month: Int
    public let day: Int

    /// `nil` when the day does not exist in a common year.
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.daysInMonth(year: 2001, month: month) else { return nil }
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD`.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let m = Int(parts[0]), let d = Int(parts[1]) else { return nil }
        self.init(month: m, day: d)
    }

    /// This day in `year`.
    public func inYear(_ year: Int) -> CalendarDay { CalendarDay(year: year, month: month, day: day)! }

    /// `MM-DD`.
    public var description: String { "\(pad(month, 2))-\(pad(day, 2))" }
}

extension MonthDay: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let md = MonthDay(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a day of the year; write MM-DD, e.g. 06-01 (February 29 is not allowed)"))
        }
        self = md
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
