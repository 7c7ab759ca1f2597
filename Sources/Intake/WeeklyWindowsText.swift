/// Checks and normalizes the text form of weekly windows: `Mon-Fri 15:30-18:00; Sat 08:00-12:00`.
///
/// Days are `Mon`…`Sun` (any case), as ranges (`Mon-Fri`) or comma lists (`Mon,Wed`); times are
/// 24-hour `HH:MM`; windows are separated by `;`. An end before the start crosses midnight.
/// The normalized form capitalizes days and drops extra spaces: `mon-fri 9:00-12:00` becomes
/// `Mon-Fri 09:00-12:00`.
public enum WeeklyWindowsText {
    static let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// The normalized text, or a reason it is malformed.
    public static func normalize(_ text: String) -> Result<String, WeeklyWindowsError> {
        var windows: [String] = []
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            let window = String(part).trimmingSpaces
            if window.isEmpty { continue }
            let pieces = window.split(separator: " ", omittingEmptySubsequences: true)
            guard pieces.count == 2 else { return .failure(.malformedWindow(window)) }
            guard let dayText = normalizeDays(String(pieces[0])) else { return .failure(.badDays(String(pieces[0]))) }
            let times = pieces[1].split(separator: "-", omittingEmptySubsequences: false)
            guard times.count == 2, let start = TimeOfDayText.normalize(String(times[0])),
                  let end = TimeOfDayText.normalize(String(times[1])) else { return .failure(.badTimes(String(pieces[1]))) }
            guard start != end else { return .failure(.emptyWindow(window)) }
            windows.append("\(dayText) \(start)-\(end)")
        }
        return .success(windows.joined(separator: "; "))
    }

    static func normalizeDays(_ text: String) -> String? {
        var out: [String] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false).map { $0.lowercased() }
            guard (1...2).contains(ends.count), ends.allSatisfy(days.contains) else { return nil }
            out.append(ends.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-"))
        }
        return out.joined(separator: ",")
    }
}

/// Why a weekly-windows text is malformed.
public enum WeeklyWindowsError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformedWindow(String)
    case badDays(String)
    case badTimes(String)
    case emptyWindow(String)

    public var description: String {
        switch self {
        case .malformedWindow(let w): "\"\(w)\" is not a window (write days and times like \"Mon-Fri 15:30-18:00\", windows separated by ;)"
        case .badDays(let d): "\"\(d)\" are not days (use Mon…Sun, ranges like Mon-Fri or lists like Mon,Wed)"
        case .badTimes(let t): "\"\(t)\" is not a time range (use 24-hour HH:MM-HH:MM, e.g. 15:30-18:00)"
        case .emptyWindow(let w): "\"\(w)\" starts and ends at the same time"
        }
    }
}

/// Checks and normalizes a 24-hour time of day (`7:30`, `07:30`, `07:30:00` → `07:30`; `24:00` allowed
/// as an end of day).
public enum TimeOfDayText {
    /// `HH:MM`, or nil when `text` is not a time of day.
    public static func normalize(_ text: String) -> String? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), parts[0].allSatisfy(\.isASCII),
              (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else { return nil }
        if parts.count == 3 { guard parts[2] == "00" else { return nil } }
        return (hour < 10 ? "0" : "") + "\(hour):" + parts[1]
    }
}
