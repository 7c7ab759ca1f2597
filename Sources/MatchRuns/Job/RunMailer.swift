import Database
import Reports

/// Puts a run's emails in the outbox inside the run's own transaction: they exist if and only if
/// the run commits. The `Mail` module's outbox implements it (`OutboxRunMailer`).
public protocol RunMailer: Sendable {
    func enqueue(_ emails: [ReportEmail], on connection: Connection) async throws
    /// Queues one guardian notice on the run's connection and returns its outbox id, which
    /// `guardian_notices` records so the notice is never sent twice.
    func enqueue(_ notice: GuardianNoticeEmail, on connection: Connection) async throws -> Int64
}
