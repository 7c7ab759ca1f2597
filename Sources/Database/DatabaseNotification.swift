/// A message sent with `NOTIFY` (or `pg_notify`) and received by a `LISTEN`er.
public struct DatabaseNotification: Sendable, Hashable {
    /// The channel it was sent on.
    public var channel: String
    /// The payload ("" when none).
    public var payload: String
    /// The process id of the sending backend.
    public var senderPID: Int32

    /// Makes a notification.
    public init(channel: String, payload: String, senderPID: Int32) {
        self.channel = channel
        self.payload = payload
        self.senderPID = senderPID
    }
}
