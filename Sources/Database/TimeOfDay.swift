/// A time on the clock with no date and no zone: SQL `time` (curfews, schedule windows).
public struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var microsecond: Int

    /// Makes a time; the parts are not checked (use `init?(_ text:)` for input).
    public init(hour: Int, minute: Int, second: Int = 0, microsecond: Int = 0) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
    }

    /// Parses `HH:MM`, `HH:MM:SS` or `HH:MM:SS.ffffff` (24-hour; `24:00:00` is allowed as PostgreSQL allows it).
    public init?(_ text: String) {
        var scanner = DateTimeScanner(text)
        guard let h = scanner.number(minDigits: 2, maxDigits: 2), scanner.skip(UInt8(ascii: ":")),
              let m = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
        var s = 0, micros = 0
        if scanner.skip(UInt8(ascii: ":")) {
            guard let secs = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
            s = secs
            micros = scanner.fraction()
        }
        guard scanner.atEnd, m < 60, s < 60, h < 24 || (h == 24 && m == 0 && s == 0 && micros == 0) else { return nil }
        self.init(hour: h, minute: m, second: s, microsecond: micros)
    }

    /// Minutes since midnight (seconds dropped).
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// `HH:MM:SS`, with `.ffffff` when there are microseconds.
    public var description: String {
        var text = "\(CivilCalendar.pad(hour, 2)):\(CivilCalendar.pad(minute, 2)):\(CivilCalendar.pad(second, 2))"
        if microsecond != 0 { text += "." + CivilCalendar.pad(microsecond, 6) }
        return text
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool {
        (a.hour, a.minute, a.second, a.microsecond) < (b.hour, b.minute, b.second, b.microsecond)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = TimeOfDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not a time of day (HH:MM[:SS])"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension TimeOfDay: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .time }
    public var sqlText: String? { description }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> TimeOfDay {
        guard type == .time || type.isTextual else { throw .wrongType(type) }
        guard let value = TimeOfDay(text) else { throw .malformed(text, expected: "a time of day (HH:MM:SS)") }
        return value
    }
}
