import Database
import Jobs
import Reports

/// Registers the `match.run` job kind and the nightly preview schedule.
public enum MatchRunJobs {
    /// The job kind.
    public static let kind = "match.run"

    /// Queues a run for the workers: the command line's `match run --enqueue` and the web app's
    /// button alike. A final run has a unique key per round (the open round when none is named), so
    /// asking twice queues it once; `inserted` is false then.
    public static func enqueue(_ args: MatchRunArgs, pool: DatabasePool) async throws -> (id: Int, inserted: Bool) {
        var args = args
        var unique: String?
        if args.kind == .final {
            let round = try await pool.withConnection { conn in try await RunSnapshot.roundID(args.roundID, on: conn) }
            args.roundID = round
            unique = "match.run:final:\(round)"
        }
        let result = try await JobQueue(pool: pool).enqueue(kind: kind, args: args, priority: 1, uniqueKey: unique)
        return (result.id, result.inserted)
    }

    /// Registers `match.run` (and, unless `nightlyCron` is nil, the nightly preview at 02:00 local time).
    ///
    /// A verifier failure cancels the job for good with the reason (visible in `wblmatch jobs show`):
    /// repeating a deterministic check would only repeat the failure.
    public static func register(in registry: inout JobRegistry, pipeline: MatchRunPipeline,
                                nightlyCron: String? = "0 2 * * *", timeZone: String = "America/Denver") throws {
        registry.register(kind: kind, args: MatchRunArgs.self, maxAttempts: 5, timeout: .seconds(3600)) { args, job, context in
            do {
                let summary = try await pipeline.run(args, jobID: Int64(job.id)) { conn in try await context.complete(on: conn) }
                context.logger.info("match run #\(summary.runID ?? 0) \(summary.state): \(summary.counts.assigned) of \(summary.counts.students) placed")
            } catch let failed as RunFailed {
                throw JobCancel(failed.description)
            } catch let error as RunError where error.stage == "snapshot" || error.stage == "write" {
                throw JobCancel(error.description)
            }
        }
        if let nightlyCron {
            try registry.schedule(name: "nightly-match-preview", cron: nightlyCron, timeZone: timeZone, kind: kind,
                                  args: MatchRunArgs(kind: .preview))
        }
    }
}
