/// How an import runs.
public struct ImportOptions: Sendable {
    /// The round choices and rankings belong to, by name; nil = the most recent open round.
    public var round: String?
    /// Check everything, report the counts, then roll back.
    public var dryRun: Bool

    /// Makes options.
    public init(round: String? = nil, dryRun: Bool = false) {
        self.round = round
        self.dryRun = dryRun
    }
}
