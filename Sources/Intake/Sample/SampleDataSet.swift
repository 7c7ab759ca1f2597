/// A generated data set: one CSV text per kind, in the order they must be imported.
public struct SampleDataSet: Sendable {
    /// (kind, CSV text) in import order: organizations, users, rounds, employers, slots, students,
    /// choices, referrals, rankings.
    public var files: [(kind: IntakeKind, csv: String)]
    /// The coordinator's email, for `--as`.
    public var coordinatorEmail: String
    /// Counts of rows per kind, for the command's summary.
    public var counts: [(kind: IntakeKind, rows: Int)]

    /// The CSV text of `kind`.
    public func csv(_ kind: IntakeKind) -> String {
        files.first { $0.kind == kind }?.csv ?? ""
    }
}
