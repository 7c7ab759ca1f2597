/// A placement of a referred student as the referring case worker sees it on the approvals page:
/// awaiting their approval, or decided (approved or declined, with the decline's reason).
/// Juvenile-services data: only ever read for the case worker who made the referral.
public struct PlacementApproval: Sendable, Equatable {
    /// placements.id
    public var placementID: Int64
    /// The published final run that made the placement.
    public var runID: Int64
    /// students.id
    public var studentID: Int64
    /// The case worker's referral of the student.
    public var referralID: Int64
    /// "First Last".
    public var studentName: String
    /// The student's school.
    public var schoolName: String
    /// The slot's title.
    public var slotTitle: String
    /// The slot's employer.
    public var employerName: String
    /// The site's name and address, or "online" for a virtual slot.
    public var site: String
    /// The slot's schedule, e.g. `Mon-Fri 15:30-18:00`.
    public var schedule: String
    /// The slot's first day, `YYYY-MM-DD`.
    public var startDate: String
    /// nil while it awaits the decision; `approved` or `declined`.
    public var decision: String?
    /// The case worker's reason for a decline.
    public var reason: String?
    /// The date of the decision.
    public var decidedOn: String?
}
