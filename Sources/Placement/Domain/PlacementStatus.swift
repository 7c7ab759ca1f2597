/// The lifecycle of a placement after a match.
public enum PlacementStatus: String, Codable, Sendable, CaseIterable {
    case matched
    /// Matched, waiting for the referring case worker's approval (a court-ordered requirement).
    /// Outside juvenile services show `neutralTitle`, which does not reveal a referral.
    case pendingApproval = "pending_approval"
    case accepted
    case started
    case completed
    case withdrawn

    /// A word that reveals nothing about juvenile services: `pendingApproval` reads "matched".
    public var neutralTitle: String {
        switch self {
        case .matched, .pendingApproval: "matched"
        case .accepted: "accepted"
        case .started: "started"
        case .completed: "completed"
        case .withdrawn: "withdrawn"
        }
    }
}
