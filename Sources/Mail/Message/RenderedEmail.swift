/// A message ready for a transport: the SMTP envelope and the exact RFC 5322 bytes.
///
/// Rendering happens once, when the email is queued, so every delivery attempt sends the same
/// bytes with the same Message-ID (a recipient's client can drop a duplicate by its Message-ID).
public struct RenderedEmail: Sendable, Hashable {
    /// The Message-ID header's value, with angle brackets: `<uuid@domain>`.
    public var messageID: String
    /// The envelope sender (SMTP `MAIL FROM`): the bare address of `From`.
    public var envelopeFrom: String
    /// The envelope recipients (SMTP `RCPT TO`): To, Cc and Bcc addresses, without duplicates.
    public var recipients: [String]
    /// The subject, kept beside the bytes for logs and the outbox table.
    public var subject: String
    /// The whole message, CRLF line endings, 7-bit clean.
    public var bytes: [UInt8]

    /// Creates a rendered email (normally ``MessageRenderer`` does).
    public init(messageID: String, envelopeFrom: String, recipients: [String], subject: String, bytes: [UInt8]) {
        self.messageID = messageID
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.subject = subject
        self.bytes = bytes
    }
}
