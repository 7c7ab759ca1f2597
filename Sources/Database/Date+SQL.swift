import Foundation

/// `timestamptz`, to the microsecond (PostgreSQL's precision; finer parts of a `Date` are rounded).
/// `timestamp` without zone columns are read as UTC. `infinity` reads as `Date.distantFuture`.
extension Date: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .timestamptz }

    public var sqlText: String? {
        let micros = Int((timeIntervalSince1970 * 1_000_000).rounded())
        var days = micros / 86_400_000_000
        var rest = micros % 86_400_000_000
        if rest < 0 { rest += 86_400_000_000; days -= 1 }
        let civil = CivilCalendar.civil(days: days)
        let seconds = rest / 1_000_000
        let fraction = rest % 1_000_000
        return "\(CivilCalendar.pad(civil.year, 4))-\(CivilCalendar.pad(civil.month, 2))-\(CivilCalendar.pad(civil.day, 2)) "
            + "\(CivilCalendar.pad(seconds / 3600, 2)):\(CivilCalendar.pad(seconds / 60 % 60, 2)):\(CivilCalendar.pad(seconds % 60, 2))"
            + ".\(CivilCalendar.pad(fraction, 6))+00"
    }

    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> Date {
        guard type == .timestamptz || type == .timestamp else { throw .wrongType(type) }
        if text == "infinity" { return .distantFuture }
        if text == "-infinity" { return .distantPast }
        var s = DateTimeScanner(text)
        guard let y = s.number(minDigits: 4, maxDigits: 6), s.skip(UInt8(ascii: "-")),
              let mo = s.number(minDigits: 2, maxDigits: 2), s.skip(UInt8(ascii: "-")),
              let d = s.number(minDigits: 2, maxDigits: 2),
              s.skip(UInt8(ascii: " ")) || s.skip(UInt8(ascii: "T")),
              let h = s.number(minDigits: 2, maxDigits: 2), s.skip(UInt8(ascii: ":")),
              let mi = s.number(minDigits: 2, maxDigits: 2), s.skip(UInt8(ascii: ":")),
              let se = s.number(minDigits: 2, maxDigits: 2)
        else { throw .malformed(text, expected: "an ISO timestamp (set DateStyle to ISO)") }
        let micros = s.fraction()
        let offset = s.zoneOffset() ?? 0
        guard s.atEnd else { throw .malformed(text, expected: "an ISO timestamp (BC dates are not supported)") }
        let days = CivilCalendar.days(year: y, month: mo, day: d)
        let seconds = days * 86_400 + h * 3600 + mi * 60 + se - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(micros) / 1_000_000)
    }
}
