import Database
import Foundation
import Testing
import TestSupport
@testable import Jobs

/// Cron schedules enqueued by several schedulers over simulated nights (the clock is injected),
/// in America/Denver, including the nights clocks change, and catch-up after downtime.
@Suite struct SchedulerTests {
    static func instant(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    func registry(cron: String = "0 2 * * *") throws -> JobRegistry {
        var registry = JobRegistry()
        try registry.schedule(name: "nightly-match", cron: cron, timeZone: "America/Denver", kind: "match.run",
                              args: ["kind": "nightly"])
        return registry
    }

    /// Runs `count` schedulers concurrently, all ticking each minute from `start` to `end`.
    func simulateNight(_ db: TestDatabase, schedulers count: Int, from start: Date, to end: Date,
                       registry: JobRegistry) async throws -> [JobScheduler.Enqueued] {
        let schedulers = (0..<count).map { _ in JobScheduler(pool: db.pool, registry: registry) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for scheduler in schedulers { group.addTask { try await scheduler.register(now: start) } }
            try await group.waitForAll()
        }
        var enqueued: [JobScheduler.Enqueued] = []
        var now = start
        while now <= end {
            let tick = now
            enqueued += try await withThrowingTaskGroup(of: [JobScheduler.Enqueued].self) { group in
                for scheduler in schedulers { group.addTask { try await scheduler.tick(now: tick) } }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            now += 60
        }
        return enqueued
    }

    func scheduledJobs(_ db: TestDatabase) async throws -> [(kind: String, run: ScheduledRun, args: String)] {
        try await db.pool.query("SELECT kind, metadata::text AS metadata, args::text AS args FROM jobs ORDER BY id").map { row in
            let metadata: String = try row.decode("metadata")
            return (try row.decode("kind"), try JSONDecoder.jobs.decode(ScheduledRun.self, from: Data(metadata.utf8)), try row.decode("args"))
        }
    }

    @Test(arguments: [
        // An ordinary night: 02:00 MST = 09:00Z.
        ("2026-01-14T23:00:00Z", "2026-01-15T15:00:00Z", "2026-01-15T09:00:00Z"),
        // Spring forward, 2026-03-08: 02:00 does not exist; the run happens at the jump (03:00 MDT = 09:00Z).
        ("2026-03-08T01:00:00Z", "2026-03-08T15:00:00Z", "2026-03-08T09:00:00Z"),
        // Fall back, 2026-11-01: 01:00–01:59 happens twice; 02:00 MST = 09:00Z happens once.
        ("2026-11-01T01:00:00Z", "2026-11-01T15:00:00Z", "2026-11-01T09:00:00Z"),
    ])
    func threeSchedulersEnqueueOneRunPerNight(start: String, end: String, expected: String) async throws {
        try await TestDatabase.with(poolSize: 6) { db in
            let enqueued = try await simulateNight(db, schedulers: 3, from: Self.instant(start), to: Self.instant(end),
                                                   registry: try registry())
            #expect(enqueued.count == 1)
            #expect(enqueued.first?.scheduledFor == Self.instant(expected))
            #expect(enqueued.first?.missed == [])
            let jobs = try await scheduledJobs(db)
            #expect(jobs.count == 1)
            #expect(jobs.first?.kind == "match.run" && jobs.first?.args == #"{"kind": "nightly"}"#)
            #expect(jobs.first?.run.scheduledFor == Self.instant(expected) && jobs.first?.run.missedCount == 0)
        }
    }

    /// An every-30-minutes schedule through the fall-back night keeps its rhythm in UTC: the repeated
    /// hour is not skipped, nothing runs twice.
    @Test func halfHourlyScheduleThroughFallBack() async throws {
        try await TestDatabase.with(poolSize: 6) { db in
            let enqueued = try await simulateNight(db, schedulers: 3, from: Self.instant("2026-11-01T06:10:00Z"),
                                                   to: Self.instant("2026-11-01T09:50:00Z"), registry: try registry(cron: "*/30 * * * *"))
            let times = enqueued.map(\.scheduledFor).sorted()
            let expected = stride(from: 0, to: 7, by: 1).map { Self.instant("2026-11-01T06:30:00Z").addingTimeInterval(Double($0) * 1800) }
            #expect(times == expected)
        }
    }

    /// After three nights without any scheduler, one catch-up run is enqueued for the latest tick,
    /// and the two missed nights are visible on the job and the schedule.
    @Test func catchUpAfterDowntimeRunsOnceAndShowsTheMissedRuns() async throws {
        try await TestDatabase.with(poolSize: 6) { db in
            let registry = try registry()
            let scheduler = JobScheduler(pool: db.pool, registry: registry)
            try await scheduler.register(now: Self.instant("2026-01-10T20:00:00Z"))
            let first = try await scheduler.tick(now: Self.instant("2026-01-11T09:00:30Z"))
            #expect(first.map(\.scheduledFor) == [Self.instant("2026-01-11T09:00:00Z")])
            // Down from the 11th until the 14th at 06:00 local (13:00Z): ticks of the 12th, 13th, 14th passed.
            let others = [JobScheduler(pool: db.pool, registry: registry), JobScheduler(pool: db.pool, registry: registry)]
            for other in others { try await other.register(now: Self.instant("2026-01-14T13:00:00Z")) }  // keeps the stored tick
            let back = try await withThrowingTaskGroup(of: [JobScheduler.Enqueued].self) { group in
                for s in others + [scheduler] { group.addTask { try await s.tick(now: Self.instant("2026-01-14T13:00:00Z")) } }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(back.count == 1)
            #expect(back.first?.scheduledFor == Self.instant("2026-01-14T09:00:00Z"))
            #expect(back.first?.missed == [Self.instant("2026-01-12T09:00:00Z"), Self.instant("2026-01-13T09:00:00Z")])
            let jobs = try await scheduledJobs(db)
            #expect(jobs.count == 2)
            #expect(jobs.last?.run.missedCount == 2)
            let schedule = try await JobAdmin(pool: db.pool).schedules()
            #expect(schedule.count == 1)
            #expect(schedule.first?.missedTotal == 2)
            #expect(schedule.first?.lastMissedJSON.contains("2026-01-12T09:00:00Z") == true)
            #expect(schedule.first?.nextRunAt == Self.instant("2026-01-15T09:00:00Z"))
        }
    }

    @Test func badSchedulesAreRefusedWithTheirName() {
        var registry = JobRegistry()
        #expect { try registry.schedule(name: "nightly", cron: "0 26 * * *", kind: "x") } throws: { error in
            let message = (error as? JobsError)?.message ?? ""
            return message.contains("nightly") && message.contains("hour")
        }
        #expect { try registry.schedule(name: "nightly", cron: "0 2 * * *", timeZone: "Mars/Olympus", kind: "x") } throws: {
            ($0 as? JobsError)?.message.contains("Mars/Olympus") == true
        }
    }
}
