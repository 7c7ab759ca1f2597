/// A (student, position) pair that must not be matched, and why (reason codes such as `under_minimum_age`).
public struct InfeasiblePair: Sendable, Hashable {
    /// Student index.
    public var student: Int32
    /// Position index.
    public var position: Int32
    /// Reason codes, kept for explanations.
    public var reasons: [String]

    /// Creates an infeasible pair.
    public init(student: Int32, position: Int32, reasons: [String]) {
        self.student = student
        self.position = position
        self.reasons = reasons
    }
}
