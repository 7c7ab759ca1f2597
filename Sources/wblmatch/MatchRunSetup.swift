import Database
import Foundation
import Jobs
import Mail
import MatchRuns
import Reports

/// Wires the match-run pipeline from the configuration (used by `match` and `worker`).
enum MatchRunSetup {
    static func pipeline(config: AppConfig, pool: DatabasePool) async throws -> MatchRunPipeline {
        let renderer = ReportRenderer(templates: try await ReportTemplates.bundled(), timeZone: config.timeZone)
        let outbox = Outbox(renderer: MessageRenderer(defaultFrom: try EmailAddress(parsing: config.mailFrom), timeZone: config.timeZone))
        let mailer = OutboxRunMailer(outbox: outbox)
        var pipeline = MatchRunPipeline(pool: pool, renderer: renderer, mailer: mailer, publicURL: config.publicURL)
        // Bench hook (scripts/bench run): the emails rendered alone, before the write.
        pipeline.rendersEmailsFirst = ProcessInfo.processInfo.environment["WBLMATCH_BENCH_EMAILS_FIRST"] == "1"
        return pipeline
    }

    /// Registers `match.run` and the nightly preview (cron `MATCH_NIGHTLY_CRON`, default `0 2 * * *`, in TZ;
    /// `off` disables it).
    static func register(into registry: inout JobRegistry, config: AppConfig, pool: DatabasePool) async throws {
        var pipeline = try await pipeline(config: config, pool: pool)
        let environment = ProcessInfo.processInfo.environment
        // Test hook (reliability tests): hold the write transaction open before COMMIT so a kill lands mid-run.
        if let hold = environment["WBLMATCH_TEST_HOLD_BEFORE_COMMIT_MS"].flatMap(Int.init), hold > 0 {
            pipeline.holdBeforeCommit = .milliseconds(hold)
        }
        let cron = environment["MATCH_NIGHTLY_CRON"] ?? "0 2 * * *"
        try MatchRunJobs.register(in: &registry, pipeline: pipeline, nightlyCron: cron == "off" ? nil : cron,
                                  timeZone: config.timeZone.identifier)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func describe(_ r: MatchRunReader.StudentResult) -> String {
        var lines = ["\(r.name) (student \(r.studentID), \(r.externalID)): \(r.status)"]
        if let slot = r.slot, let rank = r.choiceRank {
            lines.append("  placed: \(slot) at \(r.employer ?? "?") (choice \(rank))")
        }
        for e in r.explanations {
            lines.append("  choice \(e.choiceRank): \(e.slot) at \(e.employer): \(e.outcome) [\(e.reasonCodes.joined(separator: ", "))]")
            lines.append("    \(e.message)")
        }
        return lines.joined(separator: "\n")
    }
}
