import Database
import Foundation

/// The job queue's seam to its database: one method per SQL operation (River's driver). The engine
/// (worker, rescuer, cleaner, scheduler, admin) speaks only to this; `PostgresJobDriver` is the
/// implementation, with its SQL in `JobQueries`, `JobAdminQueries` and `ScheduleQueries`.
public protocol JobDriver: Sendable {
    /// Inserts a job on `connection` (in its transaction), or finds the live job holding its unique key.
    func insert(_ job: JobInsert, maxAttempts: Int, on connection: Connection) async throws -> EnqueueResult
    /// Inserts many jobs (no unique keys) in one statement; returns their ids.
    func insertMany(_ jobs: [JobInsert], maxAttempts: [Int], on connection: Connection) async throws -> [Int]
    /// Claims up to `limit` due jobs of `queues` and `kinds` for `worker`.
    func claim(queues: [String], kinds: [String], limit: Int, worker: String) async throws -> [Job]
    /// Completes running jobs (id, attempt); returns the ids it completed.
    func complete(_ jobs: [(id: Int, attempt: Int)]) async throws -> [Int]
    /// Completes one running job on `connection`, in the caller's transaction.
    func completeOne(id: Int, attempt: Int, on connection: Connection) async throws -> Bool
    /// Records a failed attempt: `retryable` after `retryIn`, or `discarded`.
    func fail(id: Int, attempt: Int, state: JobState, retryIn: Duration, error: String, errorKind: String) async throws -> Bool
    /// Cancels a running job.
    func cancelRunning(id: Int, attempt: Int, reason: String) async throws -> Bool
    /// Gives a running job back unrun (at shutdown).
    func release(id: Int, attempt: Int, reason: String) async throws -> Bool
    /// Refreshes the heartbeats of `worker`'s running jobs; returns those it still holds, each with
    /// whether an operator asked to cancel it.
    func heartbeat(ids: [Int], worker: String) async throws -> [Int: Bool]
    /// Rescues up to `limit` running jobs without a heartbeat for `staleAfter`.
    func rescue(staleAfter: Duration, limit: Int) async throws -> [RescuedJob]
    /// Deletes up to `limit` finished jobs older than their retention; returns how many.
    func clean(completedAfter: Duration, cancelledAfter: Duration, discardedAfter: Duration, limit: Int) async throws -> Int

    func list(state: JobState?, kind: String?, queue: String?, limit: Int) async throws -> [JobRecord]
    func show(id: Int) async throws -> JobRecord?
    func countByState() async throws -> [JobState: Int]
    func retry(id: Int) async throws -> Bool
    func cancel(id: Int, reason: String) async throws -> JobState?
    func discard(id: Int, reason: String) async throws -> Bool

    func upsertSchedule(_ schedule: JobSchedule, firstRun: Date) async throws
    func lockDueSchedule(name: String, now: Date, on connection: Connection) async throws -> Date?
    func advanceSchedule(name: String, next: Date, ran: Date, jobID: Int, at: Date, missed: [Date],
                         on connection: Connection) async throws
    func listSchedules() async throws -> [ScheduleRecord]
}

/// A job the rescuer took back from a dead worker.
public struct RescuedJob: Sendable, Equatable {
    public var id: Int
    public var kind: String
    /// `retryable`, or `discarded` when out of attempts, or `cancelled` when cancellation was asked for.
    public var state: JobState
    public var worker: String?
}

/// A schedule's row, for `wblmatch jobs schedules`.
public struct ScheduleRecord: Sendable {
    public var name: String
    public var cron: String
    public var timeZone: String
    public var kind: String
    public var nextRunAt: Date
    public var lastRunAt: Date?
    public var lastJobID: Int?
    public var lastEnqueuedAt: Date?
    /// Ticks missed in all (each catch-up run stands in for the ticks before it).
    public var missedTotal: Int
    /// The ticks the last catch-up stood in for, as a JSON array of timestamps.
    public var lastMissedJSON: String
}
