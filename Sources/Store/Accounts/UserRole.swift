/// What a signed-in person may do; stored as the `users.role` text code.
public enum UserRole: String, Sendable, Codable, CaseIterable {
    case coordinator
    case edcStaff = "edc_staff"
    case counselor
    case caseWorker = "case_worker"
    case employer

    /// The name a person reads.
    public var label: String {
        switch self {
        case .coordinator: "Coordinator"
        case .edcStaff: "EDC staff"
        case .counselor: "Counselor"
        case .caseWorker: "Case worker"
        case .employer: "Employer"
        }
    }
}
