/// A date without a time zone (`2009-02-28`), as CSV files and PostgreSQL `date` write it.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1…9999.
    public var year: Int
    /// The month, 1…12.
    public var month: Int
    /// The day of the month, 1…31 (valid for the month).
    public var day: Int

    /// Makes a day; nil when it does not exist (`2009-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; nil otherwise.
    public init?(iso text: String) {
        var text = text
        guard let day = text.withUTF8({ b -> CalendarDay? in   // the bytes in place: no array to allocate
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D, let y = CalendarDay.digits(b[0..<4]),
                  let m = CalendarDay.digits(b[5..<7]), let d = CalendarDay.digits(b[8..<10]) else { return nil }
            return CalendarDay(year: y, month: m, day: d)
        }) else { return nil }
        self = day
    }

    /// Today's date in the process's time zone (the consortium's `TZ`).
    public static func today() -> CalendarDay {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDay(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }

    /// Whole years from `self` (a birth date) to `day`.
    public func age(on day: CalendarDay) -> Int {
        var years = day.year - year
        if (day.month, day.day) < (month, self.day) { years -= 1 }
        return years
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func digits(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
