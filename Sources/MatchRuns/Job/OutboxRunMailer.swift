import Database
import Foundation
import Mail
import Parallel
import Reports

/// Turns report emails into `Mail` messages and puts them in the outbox on the run's connection.
public struct OutboxRunMailer: RunMailer {
    public let outbox: Outbox

    public init(outbox: Outbox) {
        self.outbox = outbox
    }

    /// Renders every message first, on every core (a run's coordinator emails are megabytes of
    /// MIME each), then inserts them in order.
    public func enqueue(_ emails: [ReportEmail], on connection: Connection) async throws {
        let outbox = outbox
        let rendered = inParallel(count: emails.count) { i in
            Result { try outbox.renderer.render(Self.message(emails[i], from: outbox.renderer.defaultFrom)) }
        }
        for message in rendered { try await outbox.enqueue(try message.get(), on: connection) }
    }

    public func enqueue(_ notice: GuardianNoticeEmail, on connection: Connection) async throws -> Int64 {
        try await outbox.enqueue(OutgoingEmail(from: outbox.renderer.defaultFrom, to: [EmailAddress(notice.toAddress, name: notice.toName)],
                                               subject: notice.subject, text: notice.text), on: connection).id
    }

    /// The `Mail` message for a report email: text and HTML alternatives plus attachments.
    public static func message(_ email: ReportEmail, from: EmailAddress) -> OutgoingEmail {
        OutgoingEmail(from: from, to: [EmailAddress(email.toAddress, name: email.toName)], subject: email.subject,
                      text: email.text, html: email.html,
                      attachments: email.attachments.map { Attachment(filename: $0.filename, contentType: $0.contentType, data: $0.data) })
    }
}
