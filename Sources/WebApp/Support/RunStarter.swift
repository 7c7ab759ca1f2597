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

    /// Queues a run of `kind` of the open round, asked for by `userID` (``MatchRunJobs/enqueue(_:pool:)``:
    /// pressing the button twice queues a final run once).
    func start(kind: RunKind, roundID: Int64, userID: Int64) async throws -> (id: Int, inserted: Bool) {
        try await MatchRunJobs.enqueue(MatchRunArgs(kind: kind, roundID: roundID, requestedBy: userID), pool: pool)
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
