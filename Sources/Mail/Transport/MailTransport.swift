/// Something that hands a rendered email to the world: an SMTP server or a folder.
///
/// Implementations: ``SMTPTransport`` (libcurl) and ``FileTransport`` (`.eml` files).
/// ``MailTransports/make(environment:)`` picks one from the environment.
public protocol MailTransport: Sendable {
    /// Delivers one email. Returns once the receiver has accepted it for good (SMTP `250` after
    /// DATA, or the file renamed into place).
    /// - Throws: ``MailError``; its kind tells the outbox whether to retry.
    func send(_ email: RenderedEmail) async throws
}
