/// Juvenile-services facts about a referred student. Confidential: shown only to the referring case
/// worker and to coordinators with the juvenile permission; never in EDC mail or the general CSV.
public struct ReferralInfo: Sendable, Equatable {
    /// `referrals.id`.
    public var referralID: Int64
    /// The case worker who referred the student (`users.id`).
    public var caseWorkerUserID: Int64
    /// The case worker's name.
    public var caseWorkerName: String
    /// Each court-ordered restriction in words ("Curfew 20:00", "Excluded county: Curry").
    public var restrictions: [String]
    /// The final placement needs the case worker's approval.
    public var approvalRequired: Bool

    public init(referralID: Int64, caseWorkerUserID: Int64, caseWorkerName: String,
                restrictions: [String] = [], approvalRequired: Bool = false) {
        self.referralID = referralID
        self.caseWorkerUserID = caseWorkerUserID
        self.caseWorkerName = caseWorkerName
        self.restrictions = restrictions
        self.approvalRequired = approvalRequired
    }
}
