import Foundation

/// A consent request just created: the token goes into the guardian's email and nowhere else
/// (the database keeps only its SHA-256).
public struct ConsentInvitation: Sendable, Equatable {
    /// guardian_consent_requests.id
    public var requestID: Int64
    /// students.id
    public var studentID: Int64
    /// The secret of the link (64 hex digits).
    public var token: String
    /// Where the email goes.
    public var guardianEmail: String
    /// The guardian's name, possibly empty.
    public var guardianName: String
    /// `en` or `es`.
    public var language: String
    /// The student's first and last name.
    public var studentName: String
    /// After this the link no longer works.
    public var expiresAt: Date
}
