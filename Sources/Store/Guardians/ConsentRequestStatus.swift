import Foundation

/// A consent request as the counselor sees it on the student's page.
public struct ConsentRequestStatus: Sendable, Equatable {
    /// Where it stands.
    public enum State: String, Sendable {
        case pending, expired, consented, declined
    }
    public var id: Int64
    public var guardianEmail: String
    public var language: String
    public var requestedAt: Date
    public var expiresAt: Date
    public var state: State
    /// Who signed and on which date (ISO), once answered.
    public var signerName: String?
    public var signedOn: String?
}
