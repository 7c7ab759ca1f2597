import Database
import Foundation
import Testing
import TestSupport
@testable import Jobs

/// Reliability with real worker processes (the built `wblmatch worker`) against a real PostgreSQL.
///
/// `JOBS_STRESS_JOBS_PER_WORKER` sets the size of the exactly-once test: by default the issue's
/// 20,000 per worker, 80,000 jobs (about two minutes on a 2-core machine with a debug build);
/// `JOBS_STRESS_JOBS_PER_WORKER=2000 swift test --filter ProcessTests` for a quick look.
@Suite(.serialized) struct ProcessTests {
    static var jobsPerWorker: Int {
        ProcessInfo.processInfo.environment["JOBS_STRESS_JOBS_PER_WORKER"].flatMap(Int.init) ?? 20_000
    }

    /// Starts `count` workers without the cron scheduler: its schedules (mail delivery every minute) would
    /// add jobs of their own to the counts these tests make.
    func start(_ count: Int, _ url: String, _ arguments: [String]) throws -> [WorkerProcess] {
        try (0..<count).map { try WorkerProcess(databaseURL: url, arguments: arguments + ["--no-scheduler"], name: "w\($0)") }
    }

    /// SIGTERMs every worker and expects each to exit 0; prints the logs of any that did not.
    func stopAll(_ workers: [WorkerProcess], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for worker in workers where worker.isRunning { worker.signal(SIGTERM) }
        for worker in workers {
            let status = try await worker.waitForExit(timeout: .seconds(60))
            #expect(status == 0, "worker \(worker.pid) exited with \(String(describing: status)):\n\(worker.log.suffix(3000))",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func fourWorkersExecuteEveryJobExactlyOnce() async throws {
        try await TestDatabase.with(poolSize: 4) { db in
            try await db.pool.execute(JobTestTables.create)
            let total = 4 * Self.jobsPerWorker
            try await JobTestTables.enqueueCounting(total, pool: db.pool)
            let started = ContinuousClock.now
            let workers = try start(4, db.url, ["--concurrency", "8", "--poll-interval", "0.5"])
            defer { workers.forEach { $0.cleanUp() } }
            try await eventually("\(total) jobs completed", timeout: .seconds(60 + total / 25), interval: .milliseconds(200)) {
                try await JobTestTables.states(db.pool)[.completed] == total
            }
            let elapsed = ContinuousClock.now - started
            try await stopAll(workers)
            let executions = try await JobTestTables.executions(db.pool)
            #expect(executions.rows == total, "every execution counted once")
            #expect(executions.jobs == total, "every job executed")
            let perWorker = try await db.pool.query("SELECT count(DISTINCT worker) AS n FROM job_test_runs")[0].decode("n", as: Int.self)
            #expect(perWorker == 4, "all four processes took part")
            let rate = Double(total) / elapsed.seconds
            print("jobs exactly-once: 4 worker processes × \(Self.jobsPerWorker) jobs = \(total) in \(String(format: "%.1f", elapsed.seconds)) s: \(Int(rate)) jobs/s")
        }
    }

    @Test func aKilledWorkersJobIsRescuedAndCompletedOnce() async throws {
        try await TestDatabase.with(poolSize: 4) { db in
            try await db.pool.execute(JobTestTables.create)
            let id = try await JobQueue(pool: db.pool).enqueue(kind: "test.count", args: ["sleepMs": 4000]).id
            let timings = ["--heartbeat-interval", "0.2", "--rescue-after", "1.5", "--poll-interval", "0.2"]
            let doomed = try WorkerProcess(databaseURL: db.url, arguments: timings, name: "doomed")
            defer { doomed.cleanUp() }
            try await eventually("job \(id) running") { try await jobRecord(db, id).state == .running }
            let victim = try await jobRecord(db, id).lockedBy
            doomed.signal(SIGKILL)
            _ = try await doomed.waitForExit(timeout: .seconds(10))
            let rescuer = try WorkerProcess(databaseURL: db.url, arguments: timings, name: "rescuer")
            defer { rescuer.cleanUp() }
            try await eventually("job \(id) completed", timeout: .seconds(60)) { try await jobRecord(db, id).state == .completed }
            try await stopAll([rescuer])
            let record = try await jobRecord(db, id)
            #expect(record.attempt == 2)
            #expect(record.errors.map(\.kind) == ["rescued"])
            #expect(record.errors.first?.error.contains(victim ?? "?") == true)
            #expect(try await JobTestTables.executions(db.pool).rows == 1, "the killed attempt left no effect; the rescued one exactly one")
        }
    }

    @Test func sigtermDuringAJobLetsItFinishAndExitsZero() async throws {
        try await TestDatabase.with(poolSize: 4) { db in
            try await db.pool.execute(JobTestTables.create)
            let id = try await JobQueue(pool: db.pool).enqueue(kind: "test.count", args: ["sleepMs": 1500]).id
            let worker = try WorkerProcess(databaseURL: db.url, arguments: ["--grace", "30", "--poll-interval", "0.2"])
            defer { worker.cleanUp() }
            try await eventually("job \(id) running") { try await jobRecord(db, id).state == .running }
            try await stopAll([worker])
            #expect(try await jobRecord(db, id).state == .completed)
            #expect(try await JobTestTables.executions(db.pool).rows == 1)
        }
    }

    @Test func sigtermPastTheGracePeriodReleasesTheJobAndExitsZero() async throws {
        try await TestDatabase.with(poolSize: 4) { db in
            let id = try await JobQueue(pool: db.pool).enqueue(kind: "test.sleep", args: ["ms": 120_000]).id
            let worker = try WorkerProcess(databaseURL: db.url, arguments: ["--grace", "0.5", "--poll-interval", "0.2"])
            defer { worker.cleanUp() }
            try await eventually("job \(id) running") { try await jobRecord(db, id).state == .running }
            let signalled = ContinuousClock.now
            try await stopAll([worker])
            #expect(ContinuousClock.now - signalled < .seconds(15))
            let record = try await jobRecord(db, id)
            #expect(record.state == .available && record.attempt == 0)
            #expect(record.errors.last?.kind == "released")
        }
    }

    /// The server restarts (connections cut) while two workers run: they reconnect and carry on;
    /// every job runs, none twice.
    @Test func workersSurviveAPostgresRestart() async throws {
        let cluster = try await PrivatePostgres.start()
        let pool = DatabasePool(url: cluster.url, size: 2)
        do {
            try await pool.execute(JobTestTables.create)
            let total = 3000
            try await JobTestTables.enqueueCounting(total, args: ["sleepMs": 5], pool: pool)
            let workers = try start(2, cluster.url, ["--concurrency", "8", "--poll-interval", "0.2",
                                                     "--heartbeat-interval", "1", "--rescue-after", "30"])
            defer { workers.forEach { $0.cleanUp() } }
            func completed() async throws -> Int {
                do { return try await pool.query("SELECT count(*) AS n FROM jobs WHERE state = 'completed'")[0].decode("n") } catch {
                    return -1  // the server is restarting
                }
            }
            try await eventually("a third of the jobs completed", timeout: .seconds(120)) { try await completed() >= total / 3 }
            try await cluster.restart()
            let afterRestart = try await completed()
            #expect(afterRestart < total, "the restart happened while jobs were still waiting")
            try await eventually("every job completed after the restart", timeout: .seconds(180), interval: .milliseconds(250)) {
                try await completed() == total
            }
            for worker in workers { #expect(worker.isRunning, "worker \(worker.pid) survived the restart") }
            try await stopAll(workers)
            let executions = try await JobTestTables.executions(pool)
            #expect(executions.rows == total && executions.jobs == total, "no job lost, none run twice")
            #expect(workers.contains { $0.log.contains("cannot") || $0.log.contains("lost") }, "the workers noticed the restart")
        } catch {
            await pool.close()
            await cluster.destroy()
            throw error
        }
        await pool.close()
        await cluster.destroy()
    }
}
