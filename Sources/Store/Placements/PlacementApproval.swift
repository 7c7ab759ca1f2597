/// A placement of a referred student as the referring case worker sees it on the approvals page:
/// awaiting their approval, or decided (approved or declined, with the decline's reason).
/// Juvenile-services data: only ever read for the case worker who made the referral.
public struct PlacementApproval: Sendable, Equatable {
    public var placementID: Int64
    public var runID: Int64
    public var studentID: Int64
    public var referralID: Int64
    public var studentName: String
    public var schoolName: String
    public var slotTitle: String
    public var employerName: String
    /// The site's name and address, or "online" for a virtual slot.
    public var site: String
    public var schedule: String
    public var startDate: String
    /// nil while it awaits the decision; `approved` or `declined`.
    public var decision: String?
    /// The case worker's reason for a decline.
    public var reason: String?
    /// The date of the decision.
    public var decidedOn: String?
}
