/// Court-ordered restrictions on a referred student's placement. Confidential juvenile data: only the
/// referring case worker and coordinators granted that permission may see them.
public struct CourtRestrictions: Hashable, Sendable, Codable {
    /// Employers the student may not be placed with.
    public var excludedEmployerIDs: [Int64]
    /// Counties the student may not work in (compared case-insensitively with the site's county).
    public var excludedCounties: [String]
    /// No slot may end after this time. A curfew before 12:00 is read as after midnight
    /// (00:30 means half past midnight at the end of the evening).
    public var curfew: TimeOfDay?
    /// The case worker must approve the final placement: a match becomes `pending_approval`.
    public var caseworkerApprovalRequired: Bool

    public init(excludedEmployerIDs: [Int64] = [], excludedCounties: [String] = [], curfew: TimeOfDay? = nil,
                caseworkerApprovalRequired: Bool = false) {
        self.excludedEmployerIDs = excludedEmployerIDs; self.excludedCounties = excludedCounties
        self.curfew = curfew; self.caseworkerApprovalRequired = caseworkerApprovalRequired
    }

    /// No restriction.
    public static let none = CourtRestrictions()
}
