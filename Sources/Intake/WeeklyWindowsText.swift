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
        // Nearly every cell is plain ASCII and well formed: read it byte by byte (a students file has
        // three such cells per row). Anything else, the general reading below, which also words the reason.
        if let plain = normalizePlain(text) { return .success(plain) }
        return normalizeInGeneral(text)
    }

    static func normalizeInGeneral(_ text: String) -> Result<String, WeeklyWindowsError> {
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

    /// The normalized form of well-formed ASCII text, read byte by byte; nil for anything else
    /// (non-ASCII, malformed, or a form it does not read, such as tabs inside a window), which
    /// ``normalizeInGeneral(_:)`` then reads. When not nil it equals that reading's result
    /// (`WeeklyWindowsTextTests` compares the two on generated texts).
    static func normalizePlain(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: ";") { end += 1 }
                var a = start, b = end
                while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
                while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09) { b -= 1 }
                if a < b {
                    if !out.isEmpty { out.append(UInt8(ascii: ";")); out.append(0x20) }
                    guard window(bytes, a, b, into: &out) else { return nil }
                }
                start = end + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends the normalized window `bytes[a..<b]` (days, one or more spaces, times) to `out`.
    private static func window(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, into out: inout [UInt8]) -> Bool {
        var space = a
        while space < b && bytes[space] != 0x20 { space += 1 }
        var times = space
        while times < b && bytes[times] == 0x20 { times += 1 }
        guard space > a, times < b else { return false }
        // Days: comma-separated items, each a day or a range of two, 3 letters each.
        var i = a
        while true {
            for end in 0..<2 {
                guard i + 3 <= space else { return false }
                let name = (UInt32(bytes[i] | 0x20) << 16) | (UInt32(bytes[i + 1] | 0x20) << 8) | UInt32(bytes[i + 2] | 0x20)
                guard plainDays.contains(name) else { return false }
                out.append(bytes[i] & ~0x20)
                out.append(bytes[i + 1] | 0x20)
                out.append(bytes[i + 2] | 0x20)
                i += 3
                if end == 0 && i < space && bytes[i] == UInt8(ascii: "-") { out.append(UInt8(ascii: "-")); i += 1; continue }
                break
            }
            if i == space { break }
            guard bytes[i] == UInt8(ascii: ",") else { return false }
            out.append(UInt8(ascii: ","))
            i += 1
        }
        out.append(0x20)
        // Times: HH:MM-HH:MM (H or HH, an optional :00), nothing after.
        guard let (startTime, afterStart) = time(bytes, times, b), afterStart < b, bytes[afterStart] == UInt8(ascii: "-"),
              let (endTime, afterEnd) = time(bytes, afterStart + 1, b), afterEnd == b, startTime != endTime else { return false }
        append(startTime, to: &out)
        out.append(UInt8(ascii: "-"))
        append(endTime, to: &out)
        return true
    }

    /// Appends minutes since midnight as `HH:MM`.
    private static func append(_ minutes: Int, to out: inout [UInt8]) {
        let hour = minutes / 60, minute = minutes % 60
        out.append(contentsOf: [UInt8(0x30 + hour / 10), UInt8(0x30 + hour % 10), UInt8(ascii: ":"), UInt8(0x30 + minute / 10), UInt8(0x30 + minute % 10)])
    }

    /// A time of day at `bytes[i...]` (before `limit`) in minutes since midnight, and where it ends.
    private static func time(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ limit: Int) -> (Int, Int)? {
        func digit(_ k: Int) -> Int? { k < limit && bytes[k] >= 0x30 && bytes[k] <= 0x39 ? Int(bytes[k] - 0x30) : nil }
        guard var hour = digit(i) else { return nil }
        var k = i + 1
        if let second = digit(k) { hour = hour * 10 + second; k += 1 }
        guard k < limit, bytes[k] == UInt8(ascii: ":"), let m1 = digit(k + 1), let m2 = digit(k + 2) else { return nil }
        k += 3
        if k < limit && bytes[k] == UInt8(ascii: ":") {
            guard digit(k + 1) == 0, digit(k + 2) == 0 else { return nil }
            k += 3
        }
        let minute = m1 * 10 + m2
        guard hour <= 24, minute <= 59, hour < 24 || minute == 0 else { return nil }
        return (hour * 60 + minute, k)
    }

    /// The day names as three lowercase bytes packed in one number.
    private static let plainDays: [UInt32] = days.map { $0.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

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
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit), let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else { return nil }
        if parts.count == 3 { guard parts[2] == "00" else { return nil } }
        return (hour < 10 ? "0" : "") + "\(hour):" + parts[1]
    }
}

extension Character {
    /// `0`…`9` (`Int("+5")` reads a sign, so digits are checked before a number is read).
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}
