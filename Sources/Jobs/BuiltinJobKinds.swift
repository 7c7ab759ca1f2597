import Database
import Foundation

/// Job kinds that come with the queue itself.
///
/// - `noop`: does nothing; shows that workers run jobs end to end (and the benchmark's job).
/// - With `testKinds` (the worker's `--test-kinds`, never in production):
///   - `test.count`: args `{"sleepMs": n, "failAttempts": k}` (both optional): sleeps n ms, fails its
///     first k attempts, then inserts one row into `job_test_runs (job_id, attempt, worker)` and
///     completes in that same transaction — so each job's effect happens exactly once. The tests
///     create that table.
///   - `test.sleep`: args `{"ms": n}`: sleeps n ms (cancellable).
///   - `test.fail`: always fails with an error naming the attempt.
public enum BuiltinJobKinds {
    public static func register(into registry: inout JobRegistry, testKinds: Bool = false) {
        registry.register(kind: "noop", maxAttempts: 3, timeout: .seconds(60)) { _, _ in }
        guard testKinds else { return }

        registry.register(kind: "test.count", args: CountArgs.self, maxAttempts: 25, timeout: .seconds(600),
                          retryPolicy: RetryPolicy(base: .milliseconds(100), cap: .seconds(2))) { args, job, context in
            if let sleep = args.sleepMs, sleep > 0 { try await Task.sleep(for: .milliseconds(sleep)) }
            if job.attempt <= args.failAttempts ?? 0 {
                throw TestFailure(message: "attempt \(job.attempt) fails on purpose (failAttempts \(args.failAttempts ?? 0))")
            }
            try await context.pool.withTransaction { conn in
                try await conn.execute("INSERT INTO job_test_runs (job_id, attempt, worker) VALUES ($1, $2, $3)",
                                       [job.id, job.attempt, context.workerID])
                try await context.complete(on: conn)
            }
        }
        registry.register(kind: "test.sleep", args: SleepArgs.self, maxAttempts: 3, timeout: .seconds(600)) { args, _, _ in
            try await Task.sleep(for: .milliseconds(args.ms))
        }
        registry.register(kind: "test.fail", maxAttempts: 3, timeout: .seconds(60),
                          retryPolicy: RetryPolicy(base: .milliseconds(50), cap: .milliseconds(200))) { job, _ in
            throw TestFailure(message: "test.fail fails every attempt (this was attempt \(job.attempt))")
        }
    }

    struct CountArgs: Codable, Sendable {
        var sleepMs: Int?
        var failAttempts: Int?
    }

    struct SleepArgs: Codable, Sendable {
        var ms: Int
    }

    struct TestFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
