/// Reads the text form of a `WeeklySchedule`. Works on characters so columns match what people see.
struct WeeklyScheduleParser {
    private let source: String
    private let chars: [Character]
    private var pos = 0

    init(_ text: String) {
        source = text
        chars = Array(text)
    }

    mutating func parse() throws(WeeklyScheduleError) -> [WeeklyWindow] {
        var result: [WeeklyWindow] = []
        while true {
            skipSpaces()
            if pos >= chars.count { break }
            if chars[pos] == ";" { pos += 1; continue }   // empty segment, e.g. a trailing ';'
            result += try window()
            skipSpaces()
            if pos >= chars.count { break }
            guard chars[pos] == ";" else { throw fail("expected ';' between windows, found '\(chars[pos])'") }
            pos += 1
        }
        return result
    }

    private mutating func window() throws(WeeklyScheduleError) -> [WeeklyWindow] {
        let days = try dayList()
        guard pos < chars.count, chars[pos] == " " || chars[pos] == "\t" else {
            throw fail(pos >= chars.count ? "missing the times after the days, e.g. 'Mon-Fri 15:30-18:00'"
                                          : "expected a space between the days and the times")
        }
        skipSpaces()
        let startColumn = pos
        let start = try time(allow24: false)
        guard pos < chars.count, chars[pos] == "-" else { throw fail("expected '-' between start and end time") }
        pos += 1
        let end = try time(allow24: true)
        if start == end {
            throw WeeklyScheduleError(text: source, column: startColumn + 1,
                                      reason: "a window's start and end are the same time")
        }
        return days.map { WeeklyWindow(weekday: $0, start: start, end: end)! }
    }

    private mutating func dayList() throws(WeeklyScheduleError) -> [Int] {
        var days: [Int] = []
        while true {
            let first = try day()
            if pos < chars.count && chars[pos] == "-" {
                pos += 1
                let last = try day()
                var d = first
                while true {
                    days.append(d)
                    if d == last { break }
                    d = d % 7 + 1
                }
            } else {
                days.append(first)
            }
            if pos < chars.count && chars[pos] == "," { pos += 1; continue }
            return days
        }
    }

    private static let names: [(String, Int)] = [
        ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6), ("sunday", 7),
        ("mon", 1), ("tue", 2), ("wed", 3), ("thu", 4), ("fri", 5), ("sat", 6), ("sun", 7),
    ]

    private mutating func day() throws(WeeklyScheduleError) -> Int {
        let begin = pos
        while pos < chars.count && chars[pos].isLetter { pos += 1 }
        let word = String(chars[begin..<pos]).lowercased()
        if word.isEmpty {
            pos = begin
            throw fail(pos < chars.count ? "expected a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun), found '\(chars[pos])'"
                                         : "expected a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)")
        }
        guard let match = WeeklyScheduleParser.names.first(where: { $0.0 == word }) else {
            pos = begin
            throw fail("'\(word)' is not a day; write Mon, Tue, Wed, Thu, Fri, Sat or Sun")
        }
        return match.1
    }

    private mutating func time(allow24: Bool) throws(WeeklyScheduleError) -> Int {
        let begin = pos
        func digits(_ p: inout Int, max: Int) -> Int? {
            var value = 0, n = 0
            while p < chars.count, n < max, let d = chars[p].wholeNumberValue, chars[p].isASCII {
                value = value * 10 + d; n += 1; p += 1
            }
            return n == 0 ? nil : value
        }
        var p = pos
        guard let h = digits(&p, max: 2), p < chars.count, chars[p] == ":" else {
            throw fail("expected a time as HH:MM (24-hour), e.g. 15:30")
        }
        p += 1
        let minuteStart = p
        guard let m = digits(&p, max: 2), p - minuteStart == 2 else {
            pos = minuteStart
            throw fail("expected two digits of minutes, e.g. 15:30")
        }
        pos = begin
        guard m < 60 else { pos = minuteStart; throw fail("minutes must be 00–59") }
        guard h < 24 || (allow24 && h == 24 && m == 0) else {
            throw fail(allow24 ? "hours must be 00–23 (or 24:00 for the end of the day)" : "hours must be 00–23")
        }
        pos = p
        return h * 60 + m
    }

    private mutating func skipSpaces() {
        while pos < chars.count && (chars[pos] == " " || chars[pos] == "\t") { pos += 1 }
    }

    private func fail(_ reason: String) -> WeeklyScheduleError {
        WeeklyScheduleError(text: source, column: pos + 1, reason: reason)
    }
}
