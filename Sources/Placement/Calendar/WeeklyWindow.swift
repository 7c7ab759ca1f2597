/// One weekly window of time: a weekday and a start and end time of day.
///
/// An end earlier than the start crosses midnight: `Fri 22:00-02:00` runs from Friday 22:00 to
/// Saturday 02:00. An end of 24:00 (1440) means midnight at the end of the day.
public struct WeeklyWindow: Hashable, Sendable, Codable {
    /// ISO weekday, Monday = 1 ... Sunday = 7.
    public let weekday: Int
    /// Minutes after midnight, 0..<1440.
    public let start: Int
    /// Minutes after midnight, 0...1440; less than `start` when the window crosses midnight.
    public let end: Int

    /// A window; `nil` when the weekday is outside 1...7, a time is outside the day, or start == end.
    public init?(weekday: Int, start: Int, end: Int) {
        guard (1...7).contains(weekday), (0..<1440).contains(start), (0...1440).contains(end),
              start != end else { return nil }
        self.weekday = weekday
        self.start = start
        self.end = end == 0 ? 1440 : end
    }

    /// Whether the window ends on the next day.
    public var crossesMidnight: Bool { end < start }

    /// Length in minutes.
    public var minutes: Int { crossesMidnight ? 1440 - start + end : end - start }

    /// Start as minutes since Monday 00:00.
    public var weekStart: Int { (weekday - 1) * 1440 + start }

    /// End as minutes since Monday 00:00 of the same week; may exceed one week when a Sunday
    /// window crosses midnight.
    public var weekEnd: Int { weekStart + minutes }

    enum CodingKeys: String, CodingKey { case weekday, start, end }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let w = try c.decode(Int.self, forKey: .weekday)
        let s = try c.decode(Int.self, forKey: .start)
        let e = try c.decode(Int.self, forKey: .end)
        guard let window = WeeklyWindow(weekday: w, start: s, end: e) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "weekday must be 1...7 and start/end minutes 0...1440 and different; got \(w) \(s)-\(e)"))
        }
        self = window
    }
}

/// Formats minutes after midnight as `HH:MM`.
func clockText(_ minutes: Int) -> String {
    "\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
}
