/// The kinds of data WBLMatch takes in, each with its documented columns.
///
/// Bootstrap kinds (`organizations`, `users`, `rounds`) are a coordinator's; the others follow the
/// scope rules of ``IntakeScope``.
public enum IntakeKind: String, Sendable, CaseIterable {
    case organizations, users, rounds, employers, slots, students, choices, referrals, rankings

    /// The columns in their canonical order (the order `export` writes).
    public var columns: [IntakeColumn] {
        switch self {
        case .organizations: IntakeSchemas.organizations
        case .users: IntakeSchemas.users
        case .rounds: IntakeSchemas.rounds
        case .employers: IntakeSchemas.employers
        case .slots: IntakeSchemas.slots
        case .students: IntakeSchemas.students
        case .choices: IntakeSchemas.choices
        case .referrals: IntakeSchemas.referrals
        case .rankings: IntakeSchemas.rankings
        }
    }

    /// The usual file name (`students.csv`).
    public var fileName: String { "\(rawValue).csv" }
}
