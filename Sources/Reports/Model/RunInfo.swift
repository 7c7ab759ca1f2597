import Foundation

/// The facts that identify a match run: shown at the top of every coordinator email.
public struct RunInfo: Sendable, Equatable {
    /// `match_runs.id`.
    public var id: Int64
    /// The round the run matched.
    public var roundID: Int64
    /// The round's name, e.g. "Spring 2027".
    public var roundName: String
    /// Why the run happened.
    public var kind: RunKind
    /// When the run started.
    public var startedAt: Date
    /// The lottery seed: same inputs and seed give the same result.
    public var seed: UInt64
    /// SHA-256 (hex) of the run's inputs.
    public var inputDigest: String
    /// The matching algorithm's version string.
    public var algorithmVersion: String
    /// The verifier's verdict.
    public var verifier: VerifierResult
    /// The previous run of the same round this run is compared with, if any.
    public var previousRunID: Int64?
    /// The round follows an earlier one: only students left unmatched and seats left open took part.
    public var secondRound: Bool

    public init(id: Int64, roundID: Int64, roundName: String, kind: RunKind, startedAt: Date, seed: UInt64,
                inputDigest: String, algorithmVersion: String, verifier: VerifierResult, previousRunID: Int64? = nil,
                secondRound: Bool = false) {
        self.id = id
        self.roundID = roundID
        self.roundName = roundName
        self.kind = kind
        self.startedAt = startedAt
        self.seed = seed
        self.inputDigest = inputDigest
        self.algorithmVersion = algorithmVersion
        self.verifier = verifier
        self.previousRunID = previousRunID
        self.secondRound = secondRound
    }
}
