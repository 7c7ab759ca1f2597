import Foundation

/// An email in the outbox as the coordinators' `/outbox` page lists it: who it goes to, its
/// subject and delivery state. Never the message itself, which may hold a student's details.
public struct OutboxEntry: Sendable, Equatable {
    public var id: Int64
    public var recipients: [String]
    public var subject: String
    /// `queued`, `sent` or `failed` (given up).
    public var state: String
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    public var lastAttemptAt: Date?
    /// When the sender tries a queued email next.
    public var nextAttemptAt: Date
    public var sentAt: Date?
}
