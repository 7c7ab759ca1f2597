/// The facts behind an age rule: the age required, the day the student reaches it, and the slot's start.
public struct AgeFact: Hashable, Sendable {
    /// The age the rule needs on the slot's start date.
    public var requiredAge: Int
    /// The day the student reaches `requiredAge` (with the policy's leap-day rule).
    public var reachesOn: CalendarDay
    /// The slot's first day.
    public var slotStart: CalendarDay

    public init(requiredAge: Int, reachesOn: CalendarDay, slotStart: CalendarDay) {
        self.requiredAge = requiredAge
        self.reachesOn = reachesOn
        self.slotStart = slotStart
    }

    /// `Maria turns 16 on June 20, 2026; this slot starts June 2, 2026`.
    func lead(_ name: String) -> String {
        "\(name) turns \(requiredAge) on \(reachesOn.readable); this slot starts \(slotStart.readable)"
    }
}
