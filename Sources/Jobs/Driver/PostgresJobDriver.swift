import Database
import Foundation

/// The job queue on PostgreSQL: `jobs` and `job_schedules` (sql/0010, sql/0011).
public struct PostgresJobDriver: JobDriver {
    public let pool: DatabasePool

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    public func insert(_ job: JobInsert, maxAttempts: Int, on connection: Connection) async throws -> EnqueueResult {
        let rows = try await connection.query(JobQueries.insert, [
            job.kind, job.queue, job.argsJSON, job.metadataJSON, job.priority, maxAttempts, job.runAt, job.uniqueKey,
        ])
        if let row = rows.first { return EnqueueResult(id: try row.decode("id", as: Int.self), inserted: true) }
        guard let key = job.uniqueKey else {
            throw JobsError(.conflict, "enqueue \(job.kind): the insert returned no row")
        }
        let existing = try await connection.query(JobQueries.findByUniqueKey, [key])
        guard let row = existing.first else {
            throw JobsError(.conflict, "enqueue \(job.kind): unique key \(key) is taken, but its job vanished; try again")
        }
        return EnqueueResult(id: try row.decode("id", as: Int.self), inserted: false)
    }

    public func insertMany(_ jobs: [JobInsert], maxAttempts: [Int], on connection: Connection) async throws -> [Int] {
        let rows = try await connection.query(JobQueries.insertMany, [
            jobs.map(\.kind), jobs.map(\.queue), jobs.map(\.argsJSON), jobs.map(\.metadataJSON),
            jobs.map(\.priority), maxAttempts, jobs.map(\.runAt),
        ])
        return try rows.map { try $0.decode("id", as: Int.self) }
    }

    public func claim(queues: [String], kinds: [String], limit: Int, worker: String) async throws -> [Job] {
        let rows = try await pool.query(JobQueries.claim, [queues, limit, worker, kinds])
        return try rows.map { row in
            Job(id: try row.decode("id"), kind: try row.decode("kind"), queue: try row.decode("queue"),
                argsJSON: try row.decode("args"), metadataJSON: try row.decode("metadata"),
                priority: try row.decode("priority"), attempt: try row.decode("attempt"),
                maxAttempts: try row.decode("max_attempts"), runAt: try row.decode("run_at"),
                createdAt: try row.decode("created_at"), uniqueKey: try row.decode("unique_key"))
        }
    }

    public func complete(_ jobs: [(id: Int, attempt: Int)]) async throws -> [Int] {
        let rows = try await pool.query(JobQueries.completeMany, [jobs.map(\.id), jobs.map(\.attempt)])
        return try rows.map { try $0.decode("id", as: Int.self) }
    }

    public func completeOne(id: Int, attempt: Int, on connection: Connection) async throws -> Bool {
        try await connection.query(JobQueries.completeMany, [[id], [attempt]]).count == 1
    }

    public func fail(id: Int, attempt: Int, state: JobState, retryIn: Duration, error: String, errorKind: String) async throws -> Bool {
        try await pool.query(JobQueries.fail, [id, attempt, state.rawValue, retryIn.milliseconds, error, errorKind]).count == 1
    }

    public func cancelRunning(id: Int, attempt: Int, reason: String) async throws -> Bool {
        try await pool.query(JobQueries.cancelRunning, [id, attempt, reason]).count == 1
    }

    public func release(id: Int, attempt: Int, reason: String) async throws -> Bool {
        try await pool.query(JobQueries.release, [id, attempt, reason]).count == 1
    }

    public func heartbeat(ids: [Int], worker: String) async throws -> [Int: Bool] {
        let rows = try await pool.query(JobQueries.heartbeat, [ids, worker])
        var held: [Int: Bool] = [:]
        for row in rows { held[try row.decode("id", as: Int.self)] = try row.decode("cancel_requested", as: Bool.self) }
        return held
    }

    public func rescue(staleAfter: Duration, limit: Int) async throws -> [RescuedJob] {
        let rows = try await pool.query(JobQueries.rescue, [staleAfter.milliseconds, limit])
        return try rows.map { row in
            RescuedJob(id: try row.decode("id"), kind: try row.decode("kind"),
                       state: JobState(rawValue: try row.decode("state", as: String.self)) ?? .retryable,
                       worker: try row.decode("locked_by"))
        }
    }

    public func clean(completedAfter: Duration, cancelledAfter: Duration, discardedAfter: Duration, limit: Int) async throws -> Int {
        try await pool.execute(JobQueries.clean, [completedAfter.milliseconds, cancelledAfter.milliseconds,
                                                  discardedAfter.milliseconds, limit])
    }

    // MARK: Admin

    public func list(state: JobState?, kind: String?, queue: String?, limit: Int) async throws -> [JobRecord] {
        try await pool.query(JobAdminQueries.list, [state?.rawValue, kind, queue, limit]).map(Self.record)
    }

    public func show(id: Int) async throws -> JobRecord? {
        try await pool.query(JobAdminQueries.show, [id]).first.map(Self.record)
    }

    public func countByState() async throws -> [JobState: Int] {
        var counts: [JobState: Int] = [:]
        for row in try await pool.query(JobAdminQueries.countByState) {
            if let state = JobState(rawValue: try row.decode("state")) { counts[state] = try row.decode("count") }
        }
        return counts
    }

    public func retry(id: Int) async throws -> Bool {
        try await pool.query(JobAdminQueries.retry, [id]).count == 1
    }

    public func cancel(id: Int, reason: String) async throws -> JobState? {
        guard let row = try await pool.query(JobAdminQueries.cancel, [id, reason]).first else { return nil }
        return JobState(rawValue: try row.decode("state"))
    }

    public func discard(id: Int, reason: String) async throws -> Bool {
        try await pool.query(JobAdminQueries.discard, [id, reason]).count == 1
    }

    static func record(_ row: Row) throws -> JobRecord {
        let errorsJSON: String = try row.decode("errors")
        let errors = (try? JSONDecoder().decode([JobRecord.AttemptError].self, from: Data(errorsJSON.utf8))) ?? []
        return JobRecord(
            id: try row.decode("id"), kind: try row.decode("kind"), queue: try row.decode("queue"),
            argsJSON: try row.decode("args"), metadataJSON: try row.decode("metadata"),
            priority: try row.decode("priority"),
            state: JobState(rawValue: try row.decode("state")) ?? .available,
            attempt: try row.decode("attempt"), maxAttempts: try row.decode("max_attempts"),
            runAt: try row.decode("run_at"), createdAt: try row.decode("created_at"),
            attemptedAt: try row.decode("attempted_at"), finalizedAt: try row.decode("finalized_at"),
            heartbeatAt: try row.decode("heartbeat_at"), lockedBy: try row.decode("locked_by"),
            cancelRequestedAt: try row.decode("cancel_requested_at"), errors: errors,
            uniqueKey: try row.decode("unique_key"))
    }

    // MARK: Schedules

    public func upsertSchedule(_ schedule: JobSchedule, firstRun: Date) async throws {
        try await pool.execute(ScheduleQueries.upsert, [
            schedule.name, schedule.cron.text, schedule.timeZone.identifier, schedule.kind, firstRun,
        ])
    }

    public func lockDueSchedule(name: String, now: Date, on connection: Connection) async throws -> Date? {
        try await connection.query(ScheduleQueries.lockDue, [name, now]).first?.decode("next_run_at", as: Date.self)
    }

    public func advanceSchedule(name: String, next: Date, ran: Date, jobID: Int, at: Date, missed: [Date],
                                on connection: Connection) async throws {
        let listed = String(decoding: try JSONEncoder.jobs.encode(Array(missed.prefix(100))), as: UTF8.self)
        try await connection.execute(ScheduleQueries.advance, [name, next, ran, jobID, at, missed.count, listed])
    }

    public func listSchedules() async throws -> [ScheduleRecord] {
        try await pool.query(ScheduleQueries.list).map { row in
            ScheduleRecord(
                name: try row.decode("name"), cron: try row.decode("cron"), timeZone: try row.decode("time_zone"),
                kind: try row.decode("kind"), nextRunAt: try row.decode("next_run_at"),
                lastRunAt: try row.decode("last_run_at"), lastJobID: try row.decode("last_job_id"),
                lastEnqueuedAt: try row.decode("last_enqueued_at"), missedTotal: try row.decode("missed_total"),
                lastMissedJSON: try row.decode("last_missed"))
        }
    }
}
