import Database
import Foundation
import Logging
import ServiceLifecycle

/// Enqueues the registry's cron schedules. Any number of schedulers (one per worker process, say)
/// may run: each tick is enqueued exactly once, by whichever scheduler locks the schedule's row
/// first; the job also carries a unique key made of the schedule and the tick.
///
/// After downtime, the ticks that passed are not run one by one: the latest of them runs once
/// (the catch-up), and the earlier ones are recorded as missed — in `job_schedules.missed_total`
/// and `last_missed`, and in the job's metadata (`ScheduledRun.missed`) — so a skipped night is
/// visible, not silent.
///
/// The clock is injectable for tests: `tick(now:)` does one round at a given instant.
public final class JobScheduler: Service, Sendable {
    public let schedules: [JobSchedule]
    /// How often to look for due ticks.
    public let interval: Duration
    let pool: DatabasePool
    let driver: any JobDriver
    let queue: JobQueue
    let clock: @Sendable () -> Date
    let logger: Logger

    public init(pool: DatabasePool, registry: JobRegistry, interval: Duration = .seconds(5),
                clock: @escaping @Sendable () -> Date = { Date() },
                logger: Logger = Logger(label: "wblmatch.jobs.scheduler")) {
        self.schedules = registry.schedules
        self.interval = interval
        self.pool = pool
        self.driver = PostgresJobDriver(pool: pool)
        self.queue = JobQueue(pool: pool, registry: registry)
        self.clock = clock
        self.logger = logger
    }

    /// One enqueue this scheduler did.
    public struct Enqueued: Sendable, Equatable {
        public var schedule: String
        public var scheduledFor: Date
        public var jobID: Int
        /// false when the tick's job already existed (its unique key was taken).
        public var inserted: Bool
        public var missed: [Date]
    }

    /// Creates the schedules' rows (first tick: the next after `now`) or updates their definitions.
    /// An unchanged schedule keeps its stored next tick, which is how downtime is noticed.
    public func register(now: Date) async throws {
        for schedule in schedules {
            let first = schedule.cron.next(after: now, in: schedule.timeZone) ?? .distantFuture
            try await driver.upsertSchedule(schedule, firstRun: first)
        }
    }

    /// Enqueues every schedule whose next tick is due at `now`; returns what it enqueued.
    @discardableResult
    public func tick(now: Date) async throws -> [Enqueued] {
        var done: [Enqueued] = []
        for schedule in schedules {
            if let enqueued = try await tick(schedule, now: now) { done.append(enqueued) }
        }
        return done
    }

    private func tick(_ schedule: JobSchedule, now: Date) async throws -> Enqueued? {
        try await pool.withTransaction { conn -> Enqueued? in
            guard let due = try await driver.lockDueSchedule(name: schedule.name, now: now, on: conn) else { return nil }
            let ticks = [due] + schedule.cron.runs(after: due, through: now, in: schedule.timeZone)
            let latest = ticks[ticks.count - 1]
            let missed = Array(ticks.dropLast())
            let next = schedule.cron.next(after: now, in: schedule.timeZone) ?? .distantFuture
            let run = ScheduledRun(schedule: schedule.name, scheduledFor: latest, missed: Array(missed.prefix(100)),
                                   missedCount: missed.count)
            var insert = try JobInsert(kind: schedule.kind, queue: schedule.queue, priority: schedule.priority,
                                       uniqueKey: "schedule:\(schedule.name):\(Self.iso(latest))",
                                       metadataJSON: String(decoding: try JSONEncoder.jobs.encode(run), as: UTF8.self))
            insert.argsJSON = schedule.argsJSON
            let result = try await queue.enqueue(insert, on: conn)
            try await driver.advanceSchedule(name: schedule.name, next: next, ran: latest, jobID: result.id, at: now,
                                             missed: missed, on: conn)
            if missed.isEmpty {
                logger.info("enqueued a scheduled run", metadata: ["schedule": "\(schedule.name)", "for": "\(Self.iso(latest))", "job": "\(result.id)"])
            } else {
                logger.warning("enqueued one catch-up run for ticks missed while no scheduler ran", metadata: [
                    "schedule": "\(schedule.name)", "for": "\(Self.iso(latest))", "job": "\(result.id)",
                    "missed": "\(missed.count)", "first missed": "\(Self.iso(missed[0]))",
                ])
            }
            return Enqueued(schedule: schedule.name, scheduledFor: latest, jobID: result.id, inserted: result.inserted,
                            missed: missed)
        }
    }

    public func run() async throws {
        guard !schedules.isEmpty else {
            // Nothing to schedule; returning early would stop the service group.
            try? await gracefulShutdown()
            return
        }
        try? await cancelWhenGracefulShutdown {
            var registered = false
            while !Task.isCancelled {
                do {
                    if !registered {
                        try await self.register(now: self.clock())
                        registered = true
                    }
                    try await self.tick(now: self.clock())
                } catch {
                    self.logger.warning("scheduler round failed; will try again", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: self.interval)
            }
        }
    }

    static func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
