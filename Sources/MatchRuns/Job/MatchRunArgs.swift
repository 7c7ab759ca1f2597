import Reports

/// The arguments of a `match.run` job (and of `wblmatch match run`).
public struct MatchRunArgs: Codable, Sendable, Equatable {
    /// `preview` (nightly), `manual` or `final`.
    public var kind: RunKind
    /// The round; nil for the newest open round.
    public var roundID: Int64?
    /// The lottery seed; nil draws one (and records it).
    public var seed: UInt64?
    /// The user who asked for the run, if any.
    public var requestedBy: Int64?

    public init(kind: RunKind, roundID: Int64? = nil, seed: UInt64? = nil, requestedBy: Int64? = nil) {
        self.kind = kind; self.roundID = roundID; self.seed = seed; self.requestedBy = requestedBy
    }
}

extension RunKind: Comparable {
    public static func < (a: RunKind, b: RunKind) -> Bool { a.rawValue < b.rawValue }
}
