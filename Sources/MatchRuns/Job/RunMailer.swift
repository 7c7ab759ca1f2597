import Database
import Reports

/// Puts a run's emails in the outbox inside the run's own transaction: they exist if and only if
/// the run commits. The `Mail` module's outbox implements it (`OutboxRunMailer`).
public protocol RunMailer: Sendable {
    /// Everything about a run's emails that needs no database (for the outbox: their MIME bytes),
    /// done by the pipeline on the rendering thread while PostgreSQL takes in the run's rows.
    /// - Throws: when an email cannot be sent as it is (an invalid address): the run fails before it commits.
    func prepare(_ emails: [ReportEmail]) throws -> any PreparedRunEmails
    /// Queues one guardian notice on the run's connection and returns its outbox id, which
    /// `guardian_notices` records so the notice is never sent twice.
    func enqueue(_ notice: GuardianNoticeEmail, on connection: Connection) async throws -> Int64
}

/// A run's emails, ready to queue.
public protocol PreparedRunEmails: Sendable {
    var count: Int { get }
    /// Queues them, in order, in `connection`'s transaction.
    func enqueue(on connection: Connection) async throws
}
