/// One day's hours on a placement.
public struct PlacementHoursEntry: Sendable, Equatable {
    /// ISO date.
    public var workedOn: String
    public var minutes: Int
    /// Who logged it (email), or empty for an import or the system.
    public var loggedBy: String
}
