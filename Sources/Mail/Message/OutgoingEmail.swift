/// An email to send: who it goes to, what it says (plain text and optionally HTML), and attachments.
///
/// What the email says is the caller's business (the `Reports` module); this type only carries it.
/// ```swift
/// let email = OutgoingEmail(
///     to: [EmailAddress("ana@clovis.k12.example", name: "Ana Peña")],
///     subject: "Nightly match run 42",
///     text: "…", html: "<p>…</p>",
///     attachments: [Attachment(filename: "assignments.csv", contentType: "text/csv; charset=utf-8", data: csv)])
/// try await outbox.enqueue(email, on: conn)
/// ```
public struct OutgoingEmail: Sendable, Hashable, Codable {
    /// The sender; `nil` uses the outbox's configured `MAIL_FROM`.
    public var from: EmailAddress?
    /// Where replies go, if not to `from`.
    public var replyTo: EmailAddress?
    /// Visible recipients.
    public var to: [EmailAddress]
    /// Visible copies.
    public var cc: [EmailAddress]
    /// Hidden copies: on the SMTP envelope only, never in a header.
    public var bcc: [EmailAddress]
    /// The subject line; any text, RFC 2047-encoded when not plain ASCII.
    public var subject: String
    /// The plain-text body (always present: the fallback every client can show).
    public var text: String
    /// The HTML body, sent as the preferred alternative to `text`.
    public var html: String?
    /// Files attached after the body.
    public var attachments: [Attachment]

    /// Creates an email.
    public init(from: EmailAddress? = nil, replyTo: EmailAddress? = nil, to: [EmailAddress],
                cc: [EmailAddress] = [], bcc: [EmailAddress] = [], subject: String,
                text: String, html: String? = nil, attachments: [Attachment] = []) {
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
    }
}
