/// Which email a user receives about runs: a per-user setting (`user_report_settings`).
public enum ReportKind: String, Sendable, Codable, CaseIterable {
    case coordinatorNightly = "coordinator_nightly"
    case counselorDigest = "counselor_digest"
    case edcDigest = "edc_digest"
    case caseWorkerDigest = "case_worker_digest"

    /// The role a report is written for; nobody else receives it, whatever her settings say.
    public var role: ReportRecipient.Role {
        switch self {
        case .coordinatorNightly: .coordinator
        case .counselorDigest: .counselor
        case .edcDigest: .edcStaff
        case .caseWorkerDigest: .caseWorker
        }
    }

    /// What a user of `role` gets when she has not chosen: coordinators get the nightly email,
    /// counselors, EDC staff and case workers their digest, employers nothing.
    public static func defaults(for role: ReportRecipient.Role) -> Set<ReportKind> {
        switch role {
        case .coordinator: [.coordinatorNightly]
        case .counselor: [.counselorDigest]
        case .edcStaff: [.edcDigest]
        case .caseWorker: [.caseWorkerDigest]
        case .employer: []
        }
    }
}
