import Database
import Logging

/// Delivers due emails from the outbox and marks them sent.
///
/// Each email gets its own short transaction: claim the row (`FOR UPDATE SKIP LOCKED`, so any
/// number of senders on any machines never take the same one), hand it to the transport, record
/// the outcome on the row, commit. A sender that dies mid-way holds nothing: PostgreSQL rolls its
/// transaction back and the row is due again.
///
/// Delivery is at least once. The one window for a duplicate is between the server accepting the
/// message (SMTP `250` after DATA) and the COMMIT that marks it sent: a crash or a lost database
/// connection there leaves the row queued and it is sent again, with the same bytes and Message-ID,
/// so mail clients can recognise the copy. The alternative (mark first, send after) would turn that
/// window into a lost email instead; for reports people act on, a rare duplicate is the lesser harm.
///
/// Jobs register it as the `mail.send` kind: `try await sender.deliverDue(limit: 100)`.
public struct OutboxSender: Sendable {
    /// Where the outbox lives.
    public var pool: DatabasePool
    /// How emails leave.
    public var transport: any MailTransport
    /// When failures are retried.
    public var policy: MailRetryPolicy
    /// Where outcomes are logged.
    public var logger: Logger

    /// Creates a sender.
    public init(pool: DatabasePool, transport: any MailTransport, policy: MailRetryPolicy = .standard,
                logger: Logger = Logger(label: "wblmatch.mail")) {
        self.pool = pool
        self.transport = transport
        self.policy = policy
        self.logger = logger
    }

    /// Delivers up to `limit` due emails, oldest due first.
    ///
    /// Stops early when the server is unavailable (connection refused, timeout, TLS or login
    /// failure): the email tried records the error and backs off, and every other due email is
    /// postponed by the same delay with the same error, without counting an attempt.
    /// - Throws: only database errors; delivery failures are recorded on the rows and in the report.
    public func deliverDue(limit: Int = 100) async throws -> DeliveryReport {
        var report = DeliveryReport()
        while report.attempted < limit {
            guard let outcome = try await deliverNext() else { break }
            switch outcome {
            case .sent(let id):
                report.sent.append(id)
            case .failed(let id, let error, let gaveUp, let delay):
                if gaveUp { report.failed.append(id) } else { report.retrying.append(id) }
                report.lastError = error.description
                if error.isServerUnavailable {
                    report.postponed = try await pool.execute(OutboxQueries.postponeDue, [error.description, delay.seconds])
                    logger.warning("mail: server unavailable; postponed \(report.postponed) more email(s) by \(delay)", metadata: ["error": "\(error)"])
                    return report
                }
            }
        }
        if report.attempted > 0 { logger.info("\(report)") }
        return report
    }

    private enum Outcome {
        case sent(String)
        case failed(String, MailError, gaveUp: Bool, delay: Duration)
    }

    private func deliverNext() async throws -> Outcome? {
        try await pool.withTransaction { conn in
            guard let row = try await conn.query(OutboxQueries.claimNext).first else { return nil }
            let id = try row.decode("id", as: Int64.self)
            let attempts = try row.decode("attempts", as: Int.self) + 1
            let email = RenderedEmail(
                messageID: try row.decode("message_id"), envelopeFrom: try row.decode("envelope_from"),
                recipients: try row.decode("recipients"), subject: try row.decode("subject"), bytes: try row.decode("message"))
            do {
                try await transport.send(email)
            } catch {
                let failure = (error as? MailError)
                    ?? MailError(.unavailable, "delivery of \(email.messageID) failed", detail: "\(error)")
                let gaveUp = policy.givesUp(after: failure, attempts: attempts)
                let delay = policy.delay(afterAttempts: attempts)
                try await conn.execute(OutboxQueries.markFailed, [id, failure.description, delay.seconds, gaveUp ? "failed" : "queued"])
                logger.log(level: gaveUp ? .error : .warning,
                           "mail: \(gaveUp ? "gave up on" : "will retry") \(email.messageID) (attempt \(attempts))",
                           metadata: ["error": "\(failure)", "retryIn": "\(delay)"])
                return .failed(email.messageID, failure, gaveUp: gaveUp, delay: delay)
            }
            try await conn.execute(OutboxQueries.markSent, [id])
            return .sent(email.messageID)
        }
    }
}
