/// What the independent stability check said about a run.
public enum VerifierResult: Sendable, Equatable {
    /// Capacities, feasibility and stability all hold.
    case passed
    /// The check found violations; the run failed and nobody but coordinators is told.
    case failed([String])

    /// True when the check passed.
    public var passed: Bool { if case .passed = self { true } else { false } }

    /// One line for a summary: "passed" or "FAILED: …".
    public var summary: String {
        switch self {
        case .passed: "passed (capacities, eligibility, no blocking pair)"
        case .failed(let problems): "FAILED: " + problems.prefix(5).joined(separator: "; ")
                + (problems.count > 5 ? " (and \(problems.count - 5) more)" : "")
        }
    }
}
