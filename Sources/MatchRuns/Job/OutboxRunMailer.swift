import Database
import Mail
import Reports

/// Turns report emails into `Mail` messages and hands them to the outbox on the run's connection.
public struct OutboxRunMailer: RunMailer {
    /// Stores one message in the outbox, in the caller's transaction, and returns its id
    /// (`try await outbox.enqueue(email, on: conn).id`).
    public typealias Enqueue = @Sendable (OutgoingEmail, Connection) async throws -> Int64

    public let from: EmailAddress
    let enqueueOne: Enqueue

    public init(from: EmailAddress, enqueue: @escaping Enqueue) {
        self.from = from
        self.enqueueOne = enqueue
    }

    public func enqueue(_ emails: [ReportEmail], on connection: Connection) async throws {
        for email in emails { _ = try await enqueueOne(Self.message(email, from: from), connection) }
    }

    public func enqueue(_ notice: GuardianNoticeEmail, on connection: Connection) async throws -> Int64 {
        try await enqueueOne(OutgoingEmail(from: from, to: [EmailAddress(notice.toAddress, name: notice.toName)],
                                           subject: notice.subject, text: notice.text), connection)
    }

    /// The `Mail` message for a report email: text and HTML alternatives plus attachments.
    public static func message(_ email: ReportEmail, from: EmailAddress) -> OutgoingEmail {
        OutgoingEmail(from: from, to: [EmailAddress(email.toAddress, name: email.toName)], subject: email.subject,
                      text: email.text, html: email.html,
                      attachments: email.attachments.map { Attachment(filename: $0.filename, contentType: $0.contentType, data: $0.data) })
    }
}
