/// Why a student did not get one of the choices she ranked above her result.
public struct ChoiceExplanation: Sendable, Hashable {
    /// Why the position is not hers.
    public enum Reason: Sendable, Hashable {
        /// The pair was infeasible, with its reason codes.
        case infeasible(reasons: [String])
        /// The position ranked applicants and did not list her.
        case notRanked
        /// The position has no seats.
        case noCapacity
        /// Its seats went to applicants it ranks above her: her priority there and the cutoff she had to beat
        /// (the lowest admitted; for a student who is not reserve-eligible at a position with reserved seats,
        /// the lowest admitted to an open seat). `cutoff` is nil when no seat was open to her.
        case outranked(priority: Priority, cutoff: Priority?)

        /// The reason's stable code: `infeasible`, `not_ranked`, `no_capacity`, `outranked`.
        public var code: String {
            switch self {
            case .infeasible: "infeasible"
            case .notRanked: "not_ranked"
            case .noCapacity: "no_capacity"
            case .outranked: "outranked"
            }
        }
    }

    /// The position (index).
    public var position: Int
    /// Its place in her list (0 = first choice).
    public var choice: Int
    /// Why.
    public var reason: Reason

    /// Creates an explanation.
    public init(position: Int, choice: Int, reason: Reason) {
        self.position = position
        self.choice = choice
        self.reason = reason
    }
}
