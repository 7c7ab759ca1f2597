/// The verifier's findings.
public struct Verification: Sendable, Hashable {
    /// One reason the assignment is not a valid stable matching.
    public enum Violation: Sendable, Hashable, CustomStringConvertible {
        /// A student is assigned to a position she did not list.
        case notListed(student: Int, position: Int)
        /// A student is assigned to a position whose ranking does not list her.
        case notAcceptable(student: Int, position: Int)
        /// A student is assigned to a position the instance marks infeasible for her.
        case infeasible(student: Int, position: Int)
        /// A position holds more students than its capacity (or the index is out of range: `capacity` -1).
        case overCapacity(position: Int, assigned: Int, capacity: Int)
        /// The student prefers the position to her assignment and the position's choice rule would take her.
        case blockingPair(student: Int, position: Int)
        /// The assignment does not have one entry per student.
        case wrongLength(expected: Int, got: Int)

        /// A sentence naming the indices.
        public var description: String {
            switch self {
            case let .notListed(s, p): "student \(s) is assigned to position \(p), which she did not list"
            case let .notAcceptable(s, p): "student \(s) is assigned to position \(p), whose ranking does not list her"
            case let .infeasible(s, p): "student \(s) is assigned to position \(p), an infeasible pair"
            case let .overCapacity(p, a, c): "position \(p) holds \(a) students, capacity \(c)"
            case let .blockingPair(s, p): "student \(s) and position \(p) block: she prefers it and it would choose her"
            case let .wrongLength(e, g): "assignment has \(g) entries for \(e) students"
            }
        }
    }

    /// The first violations found (at most ``Verifier/reportLimit``).
    public var violations: [Violation]
    /// How many violations there are in all.
    public var violationCount: Int

    /// True when the assignment respects capacities, acceptability and feasibility, and has no blocking pair.
    public var isStable: Bool { violationCount == 0 }
}
