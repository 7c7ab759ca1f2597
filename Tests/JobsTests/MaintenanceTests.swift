import Database
import Foundation
import Testing
import TestSupport
@testable import Jobs

/// Rescuer, cleaner and the operators' actions against a real PostgreSQL.
@Suite struct MaintenanceTests {
    /// Claims every due job as a worker that then "dies" (stops sending heartbeats).
    func claimAsDeadWorker(_ db: TestDatabase, kinds: [String] = ["a"]) async throws -> [Job] {
        let jobs = try await PostgresJobDriver(pool: db.pool).claim(queues: ["default"], kinds: kinds, limit: 100, worker: "dead:1:0")
        try await db.pool.execute("UPDATE jobs SET heartbeat_at = now() - interval '10 minutes' WHERE state = 'running'")
        return jobs
    }

    @Test func rescuerReturnsJobsOfDeadWorkersAndDiscardsThoseOutOfAttempts() async throws {
        try await TestDatabase.with { db in
            let queue = JobQueue(pool: db.pool)
            let retry = try await queue.enqueue(kind: "a").id
            let last = try await queue.enqueue(kind: "a", maxAttempts: 1).id
            let alive = try await queue.enqueue(kind: "b").id
            _ = try await claimAsDeadWorker(db)
            _ = try await PostgresJobDriver(pool: db.pool).claim(queues: ["default"], kinds: ["b"], limit: 1, worker: "alive:1:0")
            var configuration = JobRescuer.Configuration()
            configuration.staleAfter = .seconds(60)
            let rescued = try await JobRescuer(pool: db.pool, configuration: configuration).rescueOnce()
            #expect(Set(rescued.map(\.id)) == [retry, last])
            let (r, l, a) = try await (jobRecord(db, retry), jobRecord(db, last), jobRecord(db, alive))
            #expect(r.state == .retryable && r.errors.last?.kind == "rescued")
            #expect(r.errors.last?.error.contains("dead:1:0") == true)
            #expect(l.state == .discarded && l.finalizedAt != nil)
            #expect(a.state == .running)
            // The rescued job is claimed again at once, in its second attempt.
            let again = try await PostgresJobDriver(pool: db.pool).claim(queues: ["default"], kinds: ["a"], limit: 10, worker: "w")
            #expect(again.map(\.id) == [retry] && again[0].attempt == 2)
        }
    }

    @Test func cleanerDeletesOnlyFinishedJobsPastTheirRetention() async throws {
        try await TestDatabase.with { db in
            let queue = JobQueue(pool: db.pool)
            let old = try await queue.enqueue(kind: "a").id
            let recent = try await queue.enqueue(kind: "a").id
            let waiting = try await queue.enqueue(kind: "a", runAt: Date().addingTimeInterval(-3 * 86_400)).id
            let oldDiscarded = try await queue.enqueue(kind: "a").id
            try await db.pool.execute("""
                UPDATE jobs SET state = 'completed', finalized_at = now() - interval '2 days' WHERE id = $1;
                """, [old])
            try await db.pool.execute("UPDATE jobs SET state = 'completed', finalized_at = now() WHERE id = $1", [recent])
            try await db.pool.execute("UPDATE jobs SET state = 'discarded', finalized_at = now() - interval '2 days' WHERE id = $1", [oldDiscarded])
            let deleted = try await JobCleaner(pool: db.pool).cleanOnce()
            #expect(deleted == 1)
            let left = try await db.pool.query("SELECT id FROM jobs ORDER BY id").map { try $0.decode("id", as: Int.self) }
            #expect(left == [recent, waiting, oldDiscarded])
        }
    }

    @Test func operatorsRetryCancelAndDiscardWithReasonsWhenTheyCannot() async throws {
        try await TestDatabase.with { db in
            let queue = JobQueue(pool: db.pool)
            let admin = JobAdmin(pool: db.pool)
            let waiting = try await queue.enqueue(kind: "a").id
            let toCancel = try await queue.enqueue(kind: "b").id
            // Discard a waiting job; it stays visible with the reason.
            try await admin.discard(waiting)
            let discarded = try await admin.show(waiting)
            #expect(discarded.state == .discarded && discarded.errors.last?.kind == "discarded")
            // Discarding it again says why not.
            await #expect { try await admin.discard(waiting) } throws: { ($0 as? JobsError)?.kind == .conflict }
            // Retry a discarded job that used all its attempts: it gets one more.
            try await db.pool.execute("UPDATE jobs SET attempt = max_attempts WHERE id = $1", [waiting])
            try await admin.retry(waiting)
            let retried = try await admin.show(waiting)
            #expect(retried.state == .available && retried.maxAttempts == retried.attempt + 1 && retried.finalizedAt == nil)
            // A running job cannot be retried or discarded; cancelling asks its worker.
            _ = try await PostgresJobDriver(pool: db.pool).claim(queues: ["default"], kinds: ["a"], limit: 1, worker: "w")
            await #expect { try await admin.retry(waiting) } throws: { ($0 as? JobsError)?.message.contains("running") == true }
            await #expect { try await admin.discard(waiting) } throws: { ($0 as? JobsError)?.message.contains("cancel it instead") == true }
            #expect(try await admin.cancel(waiting) == .running)
            #expect(try await admin.show(waiting).cancelRequestedAt != nil)
            // A waiting job is cancelled at once.
            #expect(try await admin.cancel(toCancel) == .cancelled)
            await #expect { try await admin.cancel(toCancel) } throws: { ($0 as? JobsError)?.message.contains("already cancelled") == true }
            await #expect { try await admin.show(999_999) } throws: { ($0 as? JobsError)?.kind == .notFound }
        }
    }
}
