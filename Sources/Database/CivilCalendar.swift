/// Proleptic Gregorian day arithmetic (Howard Hinnant's algorithms), so dates and timestamps
/// convert without Foundation's calendars and their time-zone surprises.
enum CivilCalendar {
    /// Days since 1970-01-01 of a year, month (1–12), day (1–31).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The year, month and day of a count of days since 1970-01-01.
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Zero-padded decimal of at least `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A cursor over the ASCII bytes of a date/time text, for the small parsers below.
struct DateTimeScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
        var value = 0, count = 0
        while count < maxDigits, let b = peek, b >= 48, b <= 57 {
            value = value * 10 + Int(b - 48)
            index += 1
            count += 1
        }
        return count >= minDigits ? value : nil
    }

    mutating func skip(_ byte: UInt8) -> Bool {
        if peek == byte { index += 1; return true }
        return false
    }

    /// `.ffffff` after seconds, as microseconds (extra digits beyond six are ignored).
    mutating func fraction() -> Int {
        guard skip(UInt8(ascii: ".")) else { return 0 }
        var micros = 0, digits = 0
        while let b = peek, b >= 48, b <= 57 {
            if digits < 6 { micros = micros * 10 + Int(b - 48) }
            digits += 1
            index += 1
        }
        for _ in digits..<6 where digits < 6 { micros *= 10 }
        return micros
    }

    /// `+HH[:MM[:SS]]` or `-…` as seconds east of UTC.
    mutating func zoneOffset() -> Int? {
        guard let sign = peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        index += 1
        guard let hours = number(minDigits: 2, maxDigits: 2) else { return nil }
        var seconds = hours * 3600
        if skip(UInt8(ascii: ":")), let minutes = number(minDigits: 2, maxDigits: 2) {
            seconds += minutes * 60
            if skip(UInt8(ascii: ":")), let secs = number(minDigits: 2, maxDigits: 2) { seconds += secs }
        }
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }
}
