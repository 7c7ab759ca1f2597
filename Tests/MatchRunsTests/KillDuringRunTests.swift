import Database
import Foundation
import Jobs
import Reports
import Testing
import TestSupport
@testable import MatchRuns

/// `kill -9` of a worker in the middle of a match run: the job is rescued and completes, no
/// half-written run is ever visible, and exactly one run results.
@Suite struct KillDuringRunTests {
    @Test func aKilledWorkersRunIsRescuedAndWrittenExactlyOnce() async throws {
        try await TestDatabase.with { db in
            _ = try await Seed.write(db.pool, people: false)
            let jobID = try await JobQueue(pool: db.pool).enqueue(kind: MatchRunJobs.kind, args: MatchRunArgs(kind: .preview, seed: 5)).id
            let options = ["--concurrency", "2", "--heartbeat-interval", "0.5", "--rescue-after", "2", "--poll-interval", "0.2", "--grace", "1"]
            // The first worker holds its write transaction open for a minute before COMMIT: it is killed inside it.
            let doomed = try WorkerProcess(databaseURL: db.url, arguments: options,
                                           environment: ["WBLMATCH_TEST_HOLD_BEFORE_COMMIT_MS": "60000"], name: "doomed")
            defer { doomed.stop() }
            // Wait until the run's rows are written but not committed: a backend idles in its transaction.
            try await eventually(timeout: .seconds(60), doomed.log) {
                try await db.pool.query("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND state = 'idle in transaction' AND now() - state_change > interval '500 milliseconds'
                    """)[0].decode(0, as: Int.self) > 0
            }
            try await expectNoHalfWrittenRun(db)
            #expect(try await count(db, "SELECT count(*) FROM match_runs") == 0, "an uncommitted run is visible")
            doomed.kill9()

            let rescuer = try WorkerProcess(databaseURL: db.url, arguments: options, name: "rescuer")
            defer { rescuer.stop() }
            try await eventually(timeout: .seconds(60), rescuer.log) {
                try await expectNoHalfWrittenRun(db)
                return try await db.pool.query("SELECT state FROM jobs WHERE id = $1", [jobID])[0].decode("state", as: String.self) == "completed"
            }
            #expect(try await count(db, "SELECT count(*) FROM match_runs") == 1)
            #expect(try await count(db, "SELECT count(*) FROM match_runs WHERE job_id = $1 AND state = 'succeeded'", [Int64(jobID)]) == 1)
            #expect(try await count(db, "SELECT attempt FROM jobs WHERE id = $1", [jobID]) == 2)
            try await expectNoHalfWrittenRun(db)
        }
    }

    func count(_ db: TestDatabase, _ sql: String, _ binds: [any SQLEncodable] = []) async throws -> Int {
        try await db.pool.query(sql, binds)[0].decode(0, as: Int.self)
    }

    /// Every visible run has all its assignments (one per student it counted).
    func expectNoHalfWrittenRun(_ db: TestDatabase) async throws {
        let partial = try await count(db, """
            SELECT count(*) FROM match_runs r
            WHERE r.state <> 'failed'
              AND r.students_count <> (SELECT count(*) FROM match_assignments a WHERE a.run_id = r.id)
            """)
        #expect(partial == 0, "a half-written run is visible")
    }

    func eventually(timeout: Duration, _ log: @autoclosure () -> String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw RunTestError("timed out; worker log:\n\(log())")
    }
}
