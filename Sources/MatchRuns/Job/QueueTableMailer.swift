import Database
import Reports

/// Queues run emails in `run_email_queue` on the run's connection (they exist iff the run commits).
/// The stand-in for the `Mail` outbox until it lands; `wblmatch` then switches to `OutboxRunMailer`.
public struct QueueTableMailer: RunMailer {
    static let insert = """
        INSERT INTO run_email_queue (template, user_id, to_name, to_address, subject, text_body, html_body,
                                     attachment_name, attachment_type, attachment)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """

    public init() {}

    public func enqueue(_ emails: [ReportEmail], on connection: Connection) async throws {
        for e in emails {
            let file = e.attachments.first
            _ = try await connection.execute(Self.insert, [
                e.template, e.userID, e.toName, e.toAddress, e.subject, e.text, e.html,
                file?.filename, file?.contentType, file?.data,
            ])
        }
    }
}
