/// A notice owed to a guardian after a published final run: where the student was placed, or
/// that she takes part in the second round. Built only from the assignment, the slot, its employer
/// and site — never from referrals, restrictions or reserved seats.
public struct GuardianNotice: Sendable, Equatable {
    /// `placed` or `second_round`.
    public var kind: String
    public var studentID: Int64
    public var studentFirstName: String
    public var guardianName: String
    public var guardianEmail: String
    /// `en` or `es`.
    public var language: String
    /// The placement (empty for a second-round notice).
    public var slotTitle: String
    public var employer: String
    public var site: String
    public var address: String
    public var virtual: Bool
    public var schedule: String
    /// ISO date.
    public var startDate: String
    /// Who to contact: the slot's contact.
    public var contactName: String
    public var contactEmail: String
}
