/// What a run did, as `wblmatch match run` prints it (JSON).
public struct RunSummary: Codable, Sendable, Equatable {
    public struct Counts: Codable, Sendable, Equatable {
        public var students: Int
        public var slots: Int
        public var choices: Int
        public var eligiblePairs: Int
        public var assigned: Int
        public var unassigned: Int
    }

    /// nil for a dry run (nothing written).
    public var runID: Int64?
    public var roundID: Int64
    public var roundName: String
    public var kind: String
    public var state: String
    public var seed: String
    public var inputDigest: String
    public var algorithmVersion: String
    public var verified: Bool
    public var violations: [String]
    public var secondRound: Bool
    public var previousRunID: Int64?
    public var counts: Counts
    /// Milliseconds per stage.
    public var timings: [String: Int]
    /// Emails queued (0 for a dry run), guardian notices of a published final run included.
    public var emailsQueued: Int
}
