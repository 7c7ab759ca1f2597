import Foundation

/// A run that failed (the verifier found violations, or a stage threw): coordinators are told,
/// nobody else, and no success email goes out.
public struct RunFailure: Sendable, Equatable {
    public var runID: Int64?
    public var roundName: String
    public var kind: RunKind
    public var startedAt: Date
    /// What went wrong, in one sentence.
    public var error: String
    /// Each verifier violation, if the verifier failed.
    public var problems: [String]
    /// The job that ran it, for `wblmatch jobs show ID`.
    public var jobID: Int64?

    public init(runID: Int64?, roundName: String, kind: RunKind, startedAt: Date, error: String,
                problems: [String] = [], jobID: Int64? = nil) {
        self.runID = runID
        self.roundName = roundName
        self.kind = kind
        self.startedAt = startedAt
        self.error = error
        self.problems = problems
        self.jobID = jobID
    }
}
