/// A weekly schedule or availability: a set of `WeeklyWindow`s, written as
/// `Mon-Fri 15:30-18:00; Sat 08:00-12:00`.
///
/// Day ranges (`Mon-Fri`, wrapping allowed: `Sat-Mon`) or comma lists (`Mon,Wed,Fri`, mixable:
/// `Mon,Wed-Fri`), 24-hour times (`24:00` ends at midnight), windows separated by `;`. An end before
/// the start crosses midnight. The empty text is the empty schedule.
///
/// ```swift
/// let s = try WeeklySchedule(parsing: "Mon-Fri 15:30-18:00; Sat 08:00-12:00")
/// s.windows.count   // 6
/// s.text            // "Mon-Fri 15:30-18:00; Sat 08:00-12:00"
/// ```
/// Encoded (JSON, CSV) as its text.
public struct WeeklySchedule: Hashable, Sendable {
    /// The windows, sorted by weekday, start and end, without duplicates.
    public let windows: [WeeklyWindow]
    /// The covered time as sorted, merged, half-open intervals of minutes since Monday 00:00, flat
    /// `[start0, end0, start1, end1, ...]`, all inside `0..<10080` (a Sunday window crossing midnight
    /// wraps to Monday). Precomputed so containment checks allocate nothing.
    let intervals: [Int32]

    /// The empty schedule.
    public static let empty = WeeklySchedule(windows: [])

    /// A schedule of these windows.
    public init(windows: [WeeklyWindow]) {
        let sorted = Array(Set(windows)).sorted { ($0.weekday, $0.start, $0.end) < ($1.weekday, $1.start, $1.end) }
        self.windows = sorted
        self.intervals = WeeklySchedule.normalize(sorted)
    }

    /// Parses the text form; throws a `WeeklyScheduleError` naming the column and what is wrong.
    public init(parsing text: String) throws(WeeklyScheduleError) {
        var parser = WeeklyScheduleParser(text)
        self.init(windows: try parser.parse())
    }

    /// Whether there is no window.
    public var isEmpty: Bool { windows.isEmpty }

    /// Minutes per week.
    public var minutesPerWeek: Int { windows.reduce(0) { $0 + $1.minutes } }

    /// Whether every minute of `other` is inside this schedule.
    public func contains(_ other: WeeklySchedule) -> Bool {
        other.intervals.withUnsafeBufferPointer { o in
            intervals.withUnsafeBufferPointer { a in WeeklySchedule.contains(a, o) }
        }
    }

    /// Whether the intervals `inner` all lie inside the intervals `outer` (both normalized).
    @inline(__always)
    static func contains(_ outer: UnsafeBufferPointer<Int32>, _ inner: UnsafeBufferPointer<Int32>) -> Bool {
        var j = 0
        var i = 0
        while i < inner.count {
            let s = inner[i], e = inner[i + 1]
            while j < outer.count && outer[j + 1] < e { j += 2 }
            if j >= outer.count || outer[j] > s { return false }
            i += 2
        }
        return true
    }

    static func normalize(_ windows: [WeeklyWindow]) -> [Int32] {
        let week = 7 * 1440
        var raw: [(Int, Int)] = []
        for w in windows {
            let s = w.weekStart, e = w.weekEnd
            if e <= week { raw.append((s, e)) } else { raw.append((s, week)); raw.append((0, e - week)) }
        }
        raw.sort { $0 < $1 }
        var out: [Int32] = []
        for (s, e) in raw {
            if let last = out.last, Int(last) >= s {
                if e > Int(last) { out[out.count - 1] = Int32(e) }
            } else {
                out.append(Int32(s)); out.append(Int32(e))
            }
        }
        return out
    }

    /// The text form, days with the same times grouped: `Mon-Fri 15:30-18:00; Sat 08:00-12:00`.
    public var text: String {
        // Group weekdays by identical (start, end), keeping the order of first appearance by time.
        var groups: [(start: Int, end: Int, days: [Int])] = []
        for w in windows {
            if let k = groups.firstIndex(where: { $0.start == w.start && $0.end == w.end }) {
                groups[k].days.append(w.weekday)
            } else {
                groups.append((w.start, w.end, [w.weekday]))
            }
        }
        groups.sort { ($0.days[0], $0.start) < ($1.days[0], $1.start) }
        return groups.map { g in
            "\(WeeklySchedule.daysText(g.days)) \(clockText(g.start))-\(clockText(g.end))"
        }.joined(separator: "; ")
    }

    static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// `[1,2,3,5]` → `Mon-Wed,Fri`.
    static func daysText(_ days: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < days.count {
            var j = i
            while j + 1 < days.count && days[j + 1] == days[j] + 1 { j += 1 }
            if j - i >= 2 {
                parts.append("\(dayNames[days[i] - 1])-\(dayNames[days[j] - 1])")
            } else {
                for k in i...j { parts.append(dayNames[days[k] - 1]) }
            }
            i = j + 1
        }
        return parts.joined(separator: ",")
    }
}

extension WeeklySchedule: CustomStringConvertible {
    public var description: String { text }
}

extension WeeklySchedule: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
