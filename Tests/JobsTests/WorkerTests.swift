import Database
import Foundation
import Synchronization
import Testing
import TestSupport
@testable import Jobs

/// The worker in this process against a real PostgreSQL: outcomes, limits, wake-up, cancellation, shutdown.
@Suite struct WorkerTests {
    static let fast = RetryPolicy(base: .milliseconds(10), cap: .milliseconds(50))

    @Test func classifiesEveryOutcomeAndRecordsEachError() async throws {
        try await TestDatabase.with(poolSize: 8) { db in
            var registry = JobRegistry()
            registry.register(kind: "ok") { _, _ in }
            registry.register(kind: "flaky", retryPolicy: Self.fast) { job, _ in
                if job.attempt < 3 { throw JobsError(.conflict, "flaky attempt \(job.attempt)") }
            }
            registry.register(kind: "doomed", maxAttempts: 2, retryPolicy: Self.fast) { job, _ in
                throw JobsError(.conflict, "doomed attempt \(job.attempt)")
            }
            registry.register(kind: "gives-up") { _, _ in throw JobCancel("the round was deleted") }
            registry.register(kind: "slow", maxAttempts: 1, timeout: .milliseconds(200)) { _, _ in
                try await Task.sleep(for: .seconds(30))
            }
            let queue = JobQueue(pool: db.pool, registry: registry)
            let ids = try await ["ok", "flaky", "doomed", "gives-up", "slow"].asyncMap { try await queue.enqueue(kind: $0).id }
            try await withWorker(db, registry: registry) { _ in
                try await eventually("every job final") {
                    try await ids.asyncMap { try await jobRecord(db, $0).state.isFinal }.allSatisfy { $0 }
                }
            }
            let (ok, flaky, doomed, givesUp, slow) = try await (jobRecord(db, ids[0]), jobRecord(db, ids[1]),
                                                              jobRecord(db, ids[2]), jobRecord(db, ids[3]), jobRecord(db, ids[4]))
            #expect(ok.state == .completed && ok.attempt == 1 && ok.errors.isEmpty)
            #expect(flaky.state == .completed && flaky.attempt == 3)
            #expect(flaky.errors.map(\.attempt) == [1, 2] && flaky.errors.allSatisfy { $0.kind == "error" })
            #expect(flaky.errors[0].error.contains("flaky attempt 1"))
            #expect(doomed.state == .discarded && doomed.attempt == 2 && doomed.errors.count == 2)
            #expect(doomed.errors.last?.error.contains("doomed attempt 2") == true)
            #expect(givesUp.state == .cancelled && givesUp.errors.last?.kind == "cancelled")
            #expect(givesUp.errors.last?.error.contains("the round was deleted") == true)
            #expect(slow.state == .discarded && slow.errors.last?.kind == "timeout")
        }
    }

    @Test func neverRunsMoreJobsThanItsConcurrency() async throws {
        try await TestDatabase.with(poolSize: 8) { db in
            let gauge = Mutex((now: 0, peak: 0))
            var registry = JobRegistry()
            registry.register(kind: "track") { _, _ in
                gauge.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
                try await Task.sleep(for: .milliseconds(40))
                gauge.withLock { $0.now -= 1 }
            }
            try await JobQueue(pool: db.pool).enqueueMany(Array(repeating: try JobInsert(kind: "track"), count: 40))
            try await withWorker(db, registry: registry, configure: { $0.concurrency = 3 }) { _ in
                try await eventually("40 jobs completed") { try await JobTestTables.states(db.pool)[.completed] == 40 }
            }
            #expect(gauge.withLock { $0.peak } == 3)
        }
    }

    /// With a one-minute poll interval, only NOTIFY can make the worker notice a new job quickly.
    @Test func notificationWakesAnIdleWorker() async throws {
        try await TestDatabase.with(poolSize: 8) { db in
            var registry = JobRegistry()
            registry.register(kind: "ok") { _, _ in }
            try await withWorker(db, registry: registry, configure: { $0.pollInterval = .seconds(60) }) { _ in
                try await Task.sleep(for: .milliseconds(1500))  // the first claim and LISTEN are done
                let start = ContinuousClock.now
                let id = try await JobQueue(pool: db.pool).enqueue(kind: "ok").id
                try await eventually("job \(id) completed", timeout: .seconds(30)) {
                    try await jobRecord(db, id).state == .completed
                }
                // Well under the 60 s poll interval, with room for a loaded CI machine.
                #expect(ContinuousClock.now - start < .seconds(20))
            }
        }
    }

    @Test func anOperatorCancelsARunningJob() async throws {
        try await TestDatabase.with(poolSize: 8) { db in
            let sawCancellation = Mutex(false)
            var registry = JobRegistry()
            registry.register(kind: "long") { _, _ in
                do { try await Task.sleep(for: .seconds(60)) } catch {
                    sawCancellation.withLock { $0 = true }
                    throw error
                }
            }
            let id = try await JobQueue(pool: db.pool).enqueue(kind: "long").id
            try await withWorker(db, registry: registry) { _ in
                try await eventually("job running") { try await jobRecord(db, id).state == .running }
                #expect(try await JobAdmin(pool: db.pool).cancel(id) == .running)
                try await eventually("job cancelled") { try await jobRecord(db, id).state == .cancelled }
            }
            #expect(sawCancellation.withLock { $0 })
            #expect(try await jobRecord(db, id).errors.last?.error.contains("operator") == true)
        }
    }

    @Test func shutdownLetsRunningJobsFinishWithinTheGracePeriod() async throws {
        try await TestDatabase.with(poolSize: 8) { db in
            var registry = JobRegistry()
            registry.register(kind: "short") { _, _ in try await Task.sleep(for: .milliseconds(600)) }
            let id = try await JobQueue(pool: db.pool).enqueue(kind: "short").id
            try await withWorker(db, registry: registry, configure: { $0.shutdownGracePeriod = .seconds(10) }) { _ in
                try await eventually("job running") { try await jobRecord(db, id).state == .running }
            }
            // withWorker returned: the worker has stopped, after the job finished.
            let record = try await jobRecord(db, id)
            #expect(record.state == .completed && record.errors.isEmpty)
        }
    }

    @Test func shutdownReleasesJobsThatOutlastTheGracePeriod() async throws {
        try await TestDatabase.with(poolSize: 8) { db in
            var registry = JobRegistry()
            registry.register(kind: "endless") { _, _ in try await Task.sleep(for: .seconds(120)) }
            let id = try await JobQueue(pool: db.pool).enqueue(kind: "endless").id
            let start = ContinuousClock.now
            try await withWorker(db, registry: registry, configure: { $0.shutdownGracePeriod = .milliseconds(300) }) { _ in
                try await eventually("job running") { try await jobRecord(db, id).state == .running }
            }
            #expect(ContinuousClock.now - start < .seconds(20))
            let record = try await jobRecord(db, id)
            #expect(record.state == .available)
            #expect(record.attempt == 0)  // a released attempt does not count
            #expect(record.errors.last?.kind == "released")
        }
    }

    /// A job taken from this worker (here: rescued by hand while it runs) is cancelled locally at
    /// the next heartbeat, and its late outcome does not overwrite the new owner's state.
    @Test func aJobTakenAwayIsCancelledAndNotOverwritten() async throws {
        try await TestDatabase.with(poolSize: 8) { db in
            let cancelled = Mutex(false)
            var registry = JobRegistry()
            registry.register(kind: "long") { _, _ in
                do { try await Task.sleep(for: .seconds(60)) } catch {
                    cancelled.withLock { $0 = true }
                    throw error
                }
            }
            let id = try await JobQueue(pool: db.pool).enqueue(kind: "long").id
            try await withWorker(db, registry: registry) { _ in
                try await eventually("job running") { try await jobRecord(db, id).state == .running }
                try await db.pool.execute("UPDATE jobs SET locked_by = 'someone-else' WHERE id = $1", [id])
                try await eventually("handler cancelled") { cancelled.withLock { $0 } }
            }
            let record = try await jobRecord(db, id)
            #expect(record.state == .running && record.lockedBy == "someone-else" && record.errors.isEmpty)
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
