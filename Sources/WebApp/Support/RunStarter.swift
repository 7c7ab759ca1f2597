import Database
import Foundation
import Jobs
import MatchRuns
import Reports

/// Queues match runs for the workers (`match.run` jobs) and reports the ones still waiting or running.
struct RunStarter {
    let pool: DatabasePool

    /// A queued or running match-run job, as the runs page shows it.
    struct Pending: Sendable {
        var jobID: Int
        var state: String
        var kind: String
        var queuedAt: Date
        var attempt: Int
        var lastError: String?
    }

    /// Queues a run of `kind` of the open round, asked for by `userID`. A final run has a unique key
    /// per round, so pressing the button twice queues it once.
    func start(kind: RunKind, roundID: Int64, userID: Int64) async throws -> (jobID: Int, inserted: Bool) {
        let unique: String? = kind == .final ? "match.run:final:\(roundID)" : nil
        let result = try await JobQueue(pool: pool).enqueue(
            kind: MatchRunJobs.kind, args: MatchRunArgs(kind: kind, roundID: roundID, requestedBy: userID),
            priority: 1, uniqueKey: unique)
        return (result.id, result.inserted)
    }

    /// Match-run jobs not yet finished (available, running or retryable), oldest first.
    func pending() async throws -> [Pending] {
        let admin = JobAdmin(pool: pool)
        var out: [Pending] = []
        for state in [JobState.running, .available, .retryable] {
            for job in try await admin.list(state: state, kind: MatchRunJobs.kind, limit: 20) {
                let kind = (try? JSONDecoder().decode(MatchRunArgs.self, from: Data(job.argsJSON.utf8)))?.kind.rawValue ?? "?"
                out.append(Pending(jobID: job.id, state: state.rawValue, kind: kind, queuedAt: job.createdAt,
                                   attempt: job.attempt, lastError: job.errors.last?.error))
            }
        }
        return out.sorted { $0.jobID < $1.jobID }
    }
}
