import ArgumentParser
import Database
import Foundation
import Jobs

/// `wblmatch jobs`: List, show, retry, cancel or discard jobs.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "List, show, retry, cancel or discard jobs.",
        subcommands: [List.self, Show.self, Retry.self, Cancel.self, Discard.self, Enqueue.self, Schedules.self])

    /// Runs `body` with the admin API over DATABASE_URL.
    static func withAdmin<T>(_ body: (JobAdmin, DatabasePool) async throws -> T) async throws -> T {
        let config = try AppConfig()
        let pool = DatabasePool(url: config.databaseURL, size: 1)
        do {
            let value = try await body(JobAdmin(pool: pool), pool)
            await pool.close()
            return value
        } catch let error as JobsError {
            await pool.close()
            throw ValidationError(error.message)
        } catch {
            await pool.close()
            throw error
        }
    }

    static func time(_ date: Date?) -> String {
        guard let date else { return "-" }
        return ISO8601DateFormatter().string(from: date)
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs, newest first, with counts by state.")

        @Option(help: "Only jobs in this state (\(JobState.allCases.map(\.rawValue).joined(separator: ", "))).")
        var state: String?
        @Option(help: "Only jobs of this kind.")
        var kind: String?
        @Option(help: "Only jobs in this queue.")
        var queue: String?
        @Option(help: "At most this many jobs.")
        var limit: Int = 50

        func validate() throws {
            if let state, JobState(rawValue: state) == nil {
                throw ValidationError("--state \(state) is not one of \(JobState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() async throws {
            try await JobsCommand.withAdmin { admin, _ in
                let counts = try await admin.counts()
                print(JobState.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: "  "))
                let jobs = try await admin.list(state: state.flatMap(JobState.init(rawValue:)), kind: kind, queue: queue, limit: limit)
                print(["ID", "STATE", "KIND", "QUEUE", "PRI", "ATTEMPT", "RUN AT", "LAST ERROR"].joined(separator: "\t"))
                for job in jobs {
                    let lastError = job.errors.last.map { String("\($0.kind): \($0.error)".prefix(80)) } ?? ""
                    print([String(job.id), job.state.rawValue, job.kind, job.queue, String(job.priority),
                           "\(job.attempt)/\(job.maxAttempts)", JobsCommand.time(job.runAt), lastError].joined(separator: "\t"))
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one job with its arguments and every recorded error.")
        @Argument(help: "The job's id.") var id: Int

        func run() async throws {
            try await JobsCommand.withAdmin { admin, _ in
                let job = try await admin.show(id)
                let lines: [(String, String)] = [
                    ("id", String(job.id)), ("kind", job.kind), ("queue", job.queue), ("state", job.state.rawValue),
                    ("priority", String(job.priority)), ("attempt", "\(job.attempt) of \(job.maxAttempts)"),
                    ("unique key", job.uniqueKey ?? "-"), ("created at", JobsCommand.time(job.createdAt)),
                    ("run at", JobsCommand.time(job.runAt)), ("attempted at", JobsCommand.time(job.attemptedAt)),
                    ("finalized at", JobsCommand.time(job.finalizedAt)), ("heartbeat at", JobsCommand.time(job.heartbeatAt)),
                    ("worker", job.lockedBy ?? "-"), ("cancel requested", JobsCommand.time(job.cancelRequestedAt)),
                    ("args", job.argsJSON), ("metadata", job.metadataJSON),
                ]
                for (name, value) in lines { print("\(name):".padding(toLength: 18, withPad: " ", startingAt: 0) + value) }
                print("errors:" + (job.errors.isEmpty ? "           none" : ""))
                for error in job.errors {
                    print("  attempt \(error.attempt) at \(error.at) [\(error.kind)]: \(error.error)")
                }
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run a job that is not running again, now (a discarded job gets one more attempt).")
        @Argument(help: "The job's id.") var id: Int
        func run() async throws {
            try await JobsCommand.withAdmin { admin, _ in
                try await admin.retry(id)
                print("job \(id) is available again")
            }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a waiting job, or ask a running one to stop.")
        @Argument(help: "The job's id.") var id: Int
        func run() async throws {
            try await JobsCommand.withAdmin { admin, _ in
                let state = try await admin.cancel(id)
                print(state == .running ? "job \(id) is running: its worker will cancel it at its next heartbeat" : "job \(id) is cancelled")
            }
        }
    }

    struct Discard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Discard a waiting job: it will not run, and stays visible.")
        @Argument(help: "The job's id.") var id: Int
        func run() async throws {
            try await JobsCommand.withAdmin { admin, _ in
                try await admin.discard(id)
                print("job \(id) is discarded")
            }
        }
    }

    struct Enqueue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enqueue a job by hand (for operations and tests).")
        @Argument(help: "The job's kind, e.g. noop.") var kind: String
        @Option(help: "The job's args as a JSON object.") var args: String = "{}"
        @Option(help: "The queue.") var queue: String = "default"
        @Option(help: "1 (first) to 4 (last).") var priority: Int = 2
        @Option(help: "Skip the enqueue when a live job holds this key.") var uniqueKey: String?
        @Option(help: "How many copies to enqueue (without a unique key).") var count: Int = 1

        func run() async throws {
            let parsed: JSONValue
            do { parsed = try JSONDecoder().decode(JSONValue.self, from: Data(args.utf8)) } catch {
                throw ValidationError("--args is not JSON: \(error)")
            }
            guard count >= 1, uniqueKey == nil || count == 1 else {
                throw ValidationError("--count must be at least 1, and 1 with --unique-key")
            }
            try await JobsCommand.withAdmin { _, pool in
                var registry = JobRegistry()
                BuiltinJobKinds.register(into: &registry, testKinds: true)  // for their max attempts only
                let queue = JobQueue(pool: pool, registry: registry)
                let insert = try JobInsert(kind: kind, args: parsed, queue: self.queue, priority: priority, uniqueKey: uniqueKey)
                if count == 1 {
                    let result = try await queue.enqueue(insert)
                    print(result.inserted ? "enqueued job \(result.id)" : "job \(result.id) already holds that unique key; nothing enqueued")
                } else {
                    var total = 0
                    while total < count {
                        let batch = min(10_000, count - total)
                        total += try await queue.enqueueMany(Array(repeating: insert, count: batch)).count
                    }
                    print("enqueued \(total) jobs")
                }
            }
        }
    }

    struct Schedules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cron schedules: next tick, last run, missed ticks.")
        func run() async throws {
            try await JobsCommand.withAdmin { admin, _ in
                print(["NAME", "CRON", "ZONE", "KIND", "NEXT", "LAST RUN", "LAST JOB", "MISSED", "LAST MISSED"].joined(separator: "\t"))
                for s in try await admin.schedules() {
                    print([s.name, s.cron, s.timeZone, s.kind, JobsCommand.time(s.nextRunAt), JobsCommand.time(s.lastRunAt),
                           s.lastJobID.map(String.init) ?? "-", String(s.missedTotal), s.lastMissedJSON].joined(separator: "\t"))
                }
            }
        }
    }
}
