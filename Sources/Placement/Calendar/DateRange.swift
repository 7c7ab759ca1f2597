/// An inclusive range of calendar days, e.g. a winter break. Encoded as `{"start": "...", "end": "..."}`.
public struct DateRange: Hashable, Sendable, Codable {
    public var start: CalendarDay
    public var end: CalendarDay

    public init(start: CalendarDay, end: CalendarDay) {
        self.start = start
        self.end = end
    }

    /// Whether `day` is inside (inclusive).
    public func contains(_ day: CalendarDay) -> Bool { start <= day && day <= end }
}
