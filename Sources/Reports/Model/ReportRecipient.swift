/// A user who receives mail about runs, with what she is entitled to see.
public struct ReportRecipient: Sendable, Equatable {
    /// The role that decides which digest a user gets.
    public enum Role: String, Sendable, Codable {
        case coordinator, counselor, caseWorker = "case_worker", edcStaff = "edc_staff", employer
    }

    public var userID: Int64
    public var name: String
    public var email: String
    public var role: Role
    /// The user's organization: a school for counselors, an EDC for EDC staff.
    public var organizationID: Int64
    /// Granted the juvenile-services permission (coordinators only; case workers see their own referrals).
    public var canViewJuvenile: Bool

    public init(userID: Int64, name: String, email: String, role: Role, organizationID: Int64, canViewJuvenile: Bool = false) {
        self.userID = userID
        self.name = name
        self.email = email
        self.role = role
        self.organizationID = organizationID
        self.canViewJuvenile = canViewJuvenile
    }

    /// Whether this reader may see referral facts at all. Only coordinators hold the permission;
    /// a case worker sees her own referrals, which the case-worker digest handles itself.
    public var juvenileEntitled: Bool { role == .coordinator && canViewJuvenile }
}
