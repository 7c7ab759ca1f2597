/// A juvenile-services referral of a student. Confidential: never shown to employers, EDCs or in an
/// unrestricted report; a referred student is `reserve_eligible` for second-chance seats, a word
/// never shown outside juvenile services.
public struct Referral: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var studentID: Int64
    /// The referring case worker (a user).
    public var referredBy: Int64
    /// The juvenile-services organization.
    public var juvenileServicesID: Int64
    public var referredOn: CalendarDay
    public var active: Bool
    public var restrictions: CourtRestrictions

    public init(id: Int64, studentID: Int64, referredBy: Int64, juvenileServicesID: Int64,
                referredOn: CalendarDay, active: Bool = true, restrictions: CourtRestrictions = .none) {
        self.id = id; self.studentID = studentID; self.referredBy = referredBy
        self.juvenileServicesID = juvenileServicesID; self.referredOn = referredOn
        self.active = active; self.restrictions = restrictions
    }
}
