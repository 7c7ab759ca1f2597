import Foundation

/// Formats a Date header value (RFC 5322 §3.3), e.g. `Sun, 29 Nov 2026 02:00:00 -0700`.
///
/// Written by hand rather than with a DateFormatter so the output never depends on the locale.
enum RFC5322Date {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let offset = zone.secondsFromGMT(for: date) / 60
        let sign = offset < 0 ? "-" : "+"
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[parts.weekday! - 1]), \(parts.day!) \(months[parts.month! - 1]) \(parts.year!) "
            + "\(two(parts.hour!)):\(two(parts.minute!)):\(two(parts.second!)) "
            + "\(sign)\(two(abs(offset) / 60))\(two(abs(offset) % 60))"
    }
}
