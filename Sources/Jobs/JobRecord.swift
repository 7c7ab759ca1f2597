import Foundation

/// Everything the queue knows about a job, for `wblmatch jobs list|show`.
public struct JobRecord: Sendable {
    public var id: Int
    public var kind: String
    public var queue: String
    public var argsJSON: String
    public var metadataJSON: String
    public var priority: Int
    public var state: JobState
    public var attempt: Int
    public var maxAttempts: Int
    public var runAt: Date
    public var createdAt: Date
    public var attemptedAt: Date?
    public var finalizedAt: Date?
    public var heartbeatAt: Date?
    /// The worker that runs it, or last ran it.
    public var lockedBy: String?
    public var cancelRequestedAt: Date?
    /// One entry per failed, timed-out, rescued, released or cancelled attempt, oldest first.
    public var errors: [AttemptError]
    public var uniqueKey: String?

    /// A recorded failure of one attempt.
    public struct AttemptError: Codable, Sendable, Equatable {
        public var attempt: Int
        /// When it happened, as PostgreSQL wrote it (ISO 8601).
        public var at: String
        /// `error`, `timeout`, `rescued`, `released`, `cancelled` or `discarded`.
        public var kind: String
        public var error: String
    }
}
