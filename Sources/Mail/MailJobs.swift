import Jobs

/// The `mail.send` job kind: one pass of ``OutboxSender/deliverDue(limit:)``, run by the job queue's
/// workers, plus a schedule that runs it every minute so queued and retrying emails go out.
///
/// ```swift
/// try MailJobs.register(in: &registry, sender: OutboxSender(pool: pool, transport: transport))
/// ```
/// A caller that has just queued emails may also enqueue `mail.send` at once
/// (`queue.enqueue(kind: MailJobs.kind, on: conn)`) instead of waiting for the next minute.
public enum MailJobs {
    /// The job kind.
    public static let kind = "mail.send"

    /// Registers `mail.send` and, unless `cron` is nil, its schedule (every minute by default).
    ///
    /// The job itself never fails because SMTP is down: delivery failures are recorded on the
    /// outbox rows and retried by the outbox's own backoff; only database errors fail the job.
    public static func register(in registry: inout JobRegistry, sender: OutboxSender, limit: Int = 500,
                                cron: String? = "* * * * *", timeZone: String = "America/Denver") throws {
        registry.register(kind: kind, maxAttempts: 3, timeout: .seconds(900)) { _, context in
            let report = try await sender.deliverDue(limit: limit)
            if report.attempted > 0 || report.postponed > 0 { context.logger.info("\(report)") }
        }
        if let cron {
            try registry.schedule(name: "mail-send", cron: cron, timeZone: timeZone, kind: kind)
        }
    }
}
