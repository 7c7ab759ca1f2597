import Foundation

/// An email in the outbox as the coordinators' `/outbox` page lists it: who it goes to, its
/// subject and delivery state. Never the message itself, which may hold a student's details.
public struct OutboxEntry: Sendable, Equatable {
    /// outbox_email.id
    public var id: Int64
    /// The envelope recipients.
    public var recipients: [String]
    /// The Subject header.
    public var subject: String
    /// `queued`, `sent` or `failed` (given up).
    public var state: String
    /// Delivery attempts made so far.
    public var attempts: Int
    /// The most recent failure (kept after a later success).
    public var lastError: String?
    /// When it was queued.
    public var createdAt: Date
    /// The most recent delivery attempt.
    public var lastAttemptAt: Date?
    /// When the sender tries a queued email next.
    public var nextAttemptAt: Date
    /// When the server accepted it.
    public var sentAt: Date?
}
