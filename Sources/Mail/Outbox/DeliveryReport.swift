/// What one ``OutboxSender/deliverDue(limit:)`` pass did.
public struct DeliveryReport: Sendable, Hashable, CustomStringConvertible {
    /// Message-IDs of the emails delivered in this pass.
    public var sent: [String] = []
    /// Message-IDs of emails that failed and stay queued for a later try.
    public var retrying: [String] = []
    /// Message-IDs of emails refused for good and marked `failed`.
    public var failed: [String] = []
    /// Emails not tried because the server was found unavailable; they were postponed.
    public var postponed: Int = 0
    /// The last failure, if any: what to look at when `retrying` or `failed` is not empty.
    public var lastError: String?

    /// Creates an empty report.
    public init() {}

    /// Emails this pass tried to deliver.
    public var attempted: Int { sent.count + retrying.count + failed.count }

    public var description: String {
        var text = "mail: \(sent.count) sent, \(retrying.count) to retry, \(failed.count) failed, \(postponed) postponed"
        if let lastError { text += "; last error: \(lastError)" }
        return text
    }
}
