/// An email in the outbox: what ``Outbox/enqueue(_:on:)`` returns.
public struct QueuedEmail: Sendable, Hashable {
    /// The outbox row's id.
    public var id: Int64
    /// The email's Message-ID, with angle brackets.
    public var messageID: String
}
