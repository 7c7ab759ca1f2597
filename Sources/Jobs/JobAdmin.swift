import Database
import Foundation

/// What operators do to jobs (`wblmatch jobs list|show|retry|cancel|discard|schedules`); each
/// action that cannot apply says why.
public struct JobAdmin: Sendable {
    let driver: any JobDriver

    public init(pool: DatabasePool) {
        self.driver = PostgresJobDriver(pool: pool)
    }

    /// Up to `limit` jobs, newest first, filtered by state, kind and queue.
    public func list(state: JobState? = nil, kind: String? = nil, queue: String? = nil, limit: Int = 50) async throws -> [JobRecord] {
        try await driver.list(state: state, kind: kind, queue: queue, limit: limit)
    }

    /// Job `id`, with its errors. Throws `notFound`.
    public func show(_ id: Int) async throws -> JobRecord {
        guard let record = try await driver.show(id: id) else { throw Self.notFound(id) }
        return record
    }

    /// How many jobs are in each state.
    public func counts() async throws -> [JobState: Int] {
        try await driver.countByState()
    }

    /// Makes a job that is not running available now (a discarded one gets one more attempt).
    public func retry(_ id: Int) async throws {
        do {
            if try await driver.retry(id: id) { return }
        } catch let error as DatabaseError where error.isUniqueViolation {
            throw JobsError(.conflict, "job \(id) cannot be retried: another live job holds its unique key (see jobs list)")
        }
        let record = try await show(id)
        throw JobsError(.conflict, "job \(id) is \(record.state.rawValue): wait for it to finish, or cancel it first")
    }

    /// Cancels a waiting job at once; asks a running one to stop (its worker cancels it within a
    /// heartbeat). Returns the state after the request (`cancelled`, or `running` while it stops).
    @discardableResult
    public func cancel(_ id: Int) async throws -> JobState {
        if let state = try await driver.cancel(id: id, reason: "cancelled by an operator") { return state }
        let record = try await show(id)
        throw JobsError(.conflict, "job \(id) is already \(record.state.rawValue); only available, retryable or running jobs can be cancelled")
    }

    /// Discards a waiting (available or retryable) job: it will not run; it stays visible.
    public func discard(_ id: Int) async throws {
        if try await driver.discard(id: id, reason: "discarded by an operator") { return }
        let record = try await show(id)
        let advice = record.state == .running ? "cancel it instead" : "it will not run again anyway"
        throw JobsError(.conflict, "job \(id) is \(record.state.rawValue), not waiting: \(advice)")
    }

    /// Every cron schedule with its next tick, last run and missed ticks.
    public func schedules() async throws -> [ScheduleRecord] {
        try await driver.listSchedules()
    }

    static func notFound(_ id: Int) -> JobsError {
        JobsError(.notFound, "there is no job \(id) (finished jobs are deleted after their retention; see docs/jobs.md)")
    }
}
