import Intake

/// Who may import what. Row-level scope (own school, own EDC, own referrals) is checked in each
/// kind's SQL; this is the gate by role.
///
/// | kind | roles |
/// |---|---|
/// | organizations, users, rounds | coordinator |
/// | employers, slots | edc_staff (own EDC), coordinator |
/// | rankings | edc_staff (own EDC), employer (own slots: employers.organization_id), coordinator |
/// | students, choices | counselor (own school), coordinator |
/// | referrals | case_worker (own referrals), coordinator with can_view_juvenile |
public enum ImportScope {
    /// The roles that may import `kind`.
    public static func roles(for kind: IntakeKind) -> [String] {
        switch kind {
        case .organizations, .users, .rounds: ["coordinator"]
        case .employers, .slots: ["edc_staff", "coordinator"]
        case .rankings: ["edc_staff", "employer", "coordinator"]
        case .students, .choices: ["counselor", "coordinator"]
        case .referrals: ["case_worker", "coordinator"]
        }
    }

    /// Throws a problem when `user` may not import `kind` at all.
    public static func check(_ kind: IntakeKind, user: ActingUser, file: String) throws(IntakeProblems) {
        let allowed = roles(for: kind)
        guard allowed.contains(user.role) else {
            throw IntakeProblems([IntakeProblem(file: file, line: 0,
                message: "\(user.email) is a \(user.role) and cannot import \(kind.rawValue) (allowed: \(allowed.joined(separator: ", ")))")])
        }
        if kind == .referrals && user.role == "coordinator" && !user.canViewJuvenile {
            throw IntakeProblems([IntakeProblem(file: file, line: 0,
                message: "\(user.email) is not granted access to juvenile-services data (can_view_juvenile) and cannot import referrals")])
        }
    }
}
