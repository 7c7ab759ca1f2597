/// A placement as the placement pages and the API show it: the student, the slot, where it stands
/// in its lifecycle and the hours logged.
public struct PlacementRecord: Sendable, Equatable {
    public var id: Int64
    public var runID: Int64
    public var studentID: Int64
    public var studentName: String
    public var schoolName: String
    public var slotID: Int64
    public var slotTitle: String
    public var employerName: String
    /// `matched`, `pending_approval`, `accepted`, `started`, `completed` or `withdrawn`; see
    /// ``visibleStatus(juvenileEntitled:)`` before showing it.
    public var status: String
    public var acceptedOn: String?
    public var startedOn: String?
    public var completedOn: String?
    public var withdrawnOn: String?
    public var withdrawnReason: String?
    /// The sum of the logged hours, in minutes.
    public var minutes: Int

    /// The status a reader may see: a placement awaiting a case worker's approval reads `matched`
    /// to anyone not entitled to juvenile-services data (the approval would reveal the referral).
    public func visibleStatus(juvenileEntitled: Bool) -> String {
        status == "pending_approval" && !juvenileEntitled ? "matched" : status
    }
}
