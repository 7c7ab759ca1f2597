/// Why a match run happened; stored as text in `match_runs.kind`.
public enum RunKind: String, Sendable, Codable, CaseIterable {
    /// The nightly preview the scheduler enqueues (default 02:00 local time).
    case preview
    /// A run a coordinator started by hand (`wblmatch match run`).
    case manual
    /// The published run: the round's choices and rankings freeze.
    case final
    /// A second round for students left unmatched and seats left open; placed students keep their seats.
    case secondRound = "second_round"

    /// The words a coordinator reads.
    public var label: String {
        switch self {
        case .preview: "nightly preview"
        case .manual: "manual run"
        case .final: "final (published) run"
        case .secondRound: "second round"
        }
    }
}
