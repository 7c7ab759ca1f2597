import Database
import Logging

/// What a handler gets besides its job: the database, a logger, and the way to finish the job
/// inside its own transaction.
public struct JobContext: Sendable {
    /// The worker's pool (give connections back promptly: workers share it).
    public let pool: DatabasePool
    /// A logger with the job's id, kind and attempt as metadata.
    public let logger: Logger
    /// The worker process running the job.
    public let workerID: String
    /// Enqueue follow-up jobs (also inside a transaction, with `on:`).
    public let queue: JobQueue
    let job: Job
    let driver: any JobDriver

    /// Marks the job completed in the transaction of `connection`, so the job is done if and only if
    /// the handler's own writes commit: a crash before COMMIT leaves the job to be rescued, a crash
    /// after leaves it completed. This is how a job that must take effect exactly once is written.
    /// - Throws: `JobsError.ownershipLost` when the job is no longer this worker's attempt (it was
    ///   rescued or cancelled meanwhile): let it propagate so the transaction rolls back.
    public func complete(on connection: Connection) async throws {
        guard try await driver.completeOne(id: job.id, attempt: job.attempt, on: connection) else {
            throw JobsError(.ownershipLost,
                            "job \(job.id) (\(job.kind)) is no longer running in attempt \(job.attempt) on worker \(workerID): it was rescued or cancelled; roll back")
        }
    }
}
