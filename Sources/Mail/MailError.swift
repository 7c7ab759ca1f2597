/// A failure to build or deliver an email: what kind, what happened, and what to do about it.
public struct MailError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, coarsely: the outbox decides by it whether to give up.
    public enum Kind: String, Sendable {
        /// The email itself is unusable (bad address, line break in a header); retrying will not help.
        case invalidMessage
        /// The configuration is wrong (malformed `SMTP_URL`, unwritable outbox folder).
        case configuration
        /// The server could not be reached or did not finish in time (connection refused, DNS,
        /// timeout, TLS handshake, STARTTLS refused, login denied): retry later.
        case unavailable
        /// The server answered with a temporary refusal (4xx): retry later.
        case temporaryFailure
        /// The server refused this message for good (5xx on MAIL, RCPT or DATA).
        case rejected
    }

    /// The kind of failure.
    public var kind: Kind
    /// One sentence saying what happened.
    public var message: String
    /// What the server or libcurl said, and what to do.
    public var detail: String?
    /// The SMTP reply code, when the server sent one.
    public var replyCode: Int?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, detail: String? = nil, replyCode: Int? = nil) {
        self.kind = kind
        self.message = message
        self.detail = detail
        self.replyCode = replyCode
    }

    /// Whether the same email may succeed later unchanged.
    public var isRetryable: Bool {
        switch kind {
        case .unavailable, .temporaryFailure, .configuration: true
        case .invalidMessage, .rejected: false
        }
    }

    /// Whether the failure is about the server, not this email: later emails would fail the same way.
    public var isServerUnavailable: Bool { kind == .unavailable || kind == .configuration }

    public var description: String {
        var text = "mail \(kind.rawValue): \(message)"
        if let replyCode { text += " (SMTP \(replyCode))" }
        if let detail { text += " — \(detail)" }
        return text
    }
}
