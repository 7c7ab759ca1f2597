import Database
import Jobs

/// The table the built-in `test.count` kind writes one row into per execution.
enum JobTestTables {
    static let create = """
        CREATE TABLE job_test_runs (
            job_id  bigint      NOT NULL,
            attempt integer     NOT NULL,
            worker  text        NOT NULL,
            at      timestamptz NOT NULL DEFAULT clock_timestamp()
        )
        """

    /// (rows, distinct jobs) in `job_test_runs`.
    static func executions(_ pool: DatabasePool) async throws -> (rows: Int, jobs: Int) {
        let row = try await pool.query("SELECT count(*) AS rows, count(DISTINCT job_id) AS jobs FROM job_test_runs")[0]
        return (try row.decode("rows"), try row.decode("jobs"))
    }

    /// Job counts by state.
    static func states(_ pool: DatabasePool) async throws -> [JobState: Int] {
        var counts: [JobState: Int] = [:]
        for row in try await pool.query("SELECT state, count(*) AS n FROM jobs GROUP BY state") {
            counts[JobState(rawValue: try row.decode("state"))!] = try row.decode("n")
        }
        return counts
    }

    /// Enqueues `count` test.count jobs with `args` in batches.
    static func enqueueCounting(_ count: Int, args: [String: Int] = [:], pool: DatabasePool) async throws {
        let queue = JobQueue(pool: pool)
        let insert = try JobInsert(kind: "test.count", args: args)
        var done = 0
        while done < count {
            let batch = min(10_000, count - done)
            done += try await queue.enqueueMany(Array(repeating: insert, count: batch)).count
        }
    }
}
