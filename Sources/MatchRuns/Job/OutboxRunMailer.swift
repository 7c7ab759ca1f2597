import Database
import Mail
import Parallel
import Reports

/// `RunMailer` over the `Mail` outbox: each report email becomes one outbox row, sent by the
/// outbox's sender job after the run commits.
public struct OutboxRunMailer: RunMailer {
    public let outbox: Outbox

    public init(outbox: Outbox) {
        self.outbox = outbox
    }

    /// Renders every message, on every core (a run's coordinator emails are megabytes of MIME each).
    public func prepare(_ emails: [ReportEmail]) throws -> any PreparedRunEmails {
        let outbox = outbox
        let rendered = inParallel(count: emails.count) { i in
            Result { try outbox.renderer.render(Self.message(emails[i], from: outbox.renderer.defaultFrom)) }
        }
        return RenderedRunEmails(outbox: outbox, messages: try rendered.map { try $0.get() })
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

/// A run's emails as MIME messages, inserted into the outbox in order.
struct RenderedRunEmails: PreparedRunEmails {
    let outbox: Outbox
    let messages: [RenderedEmail]

    var count: Int { messages.count }

    func enqueue(on connection: Connection) async throws {
        for message in messages { try await outbox.enqueue(message, on: connection) }
    }
}
