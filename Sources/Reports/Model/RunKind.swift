/// Why a match run happened; stored as text in `match_runs.kind`. A second round is a run of a
/// round that has a previous round (see `RunInfo.secondRound`), of any kind.
public enum RunKind: String, Sendable, Codable, CaseIterable {
    /// The nightly preview the scheduler enqueues (default 02:00 local time).
    case preview
    /// A run a coordinator started by hand (`wblmatch match run`).
    case manual
    /// The published run: the round's choices and rankings freeze.
    case final

    /// The words a coordinator reads.
    public var label: String {
        switch self {
        case .preview: "nightly preview"
        case .manual: "manual run"
        case .final: "final (published) run"
        }
    }
}
