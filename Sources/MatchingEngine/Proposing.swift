/// Which side proposes in deferred acceptance.
public enum Proposing: String, Sendable, CaseIterable {
    /// Student-proposing: the student-optimal stable matching (strategy-proof for students). The default.
    case students
    /// Position-proposing: the position-optimal stable matching.
    case positions
}
