import Jobs
import Reports

/// Registers the `match.run` job kind and the nightly preview schedule.
public enum MatchRunJobs {
    /// The job kind.
    public static let kind = "match.run"

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
