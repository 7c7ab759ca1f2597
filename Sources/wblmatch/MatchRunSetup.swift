import Database
import Foundation
import Jobs
import MatchRuns
import Reports

/// Wires the match-run pipeline from the configuration (used by `match` and `worker`).
enum MatchRunSetup {
    static func pipeline(config: AppConfig, pool: DatabasePool) async throws -> MatchRunPipeline {
        let renderer = ReportRenderer(templates: try await ReportTemplates.bundled(), timeZone: config.timeZone)
        // Until the Mail module's outbox lands, a run with recipients refuses to commit rather than drop mail.
        let mailer = UnavailableOutboxMailer()
        return MatchRunPipeline(pool: pool, renderer: renderer, mailer: mailer, publicURL: config.publicURL)
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

/// Enqueues a `match.run` job.
enum MatchRunEnqueue {
    static func enqueue(_ args: MatchRunArgs, pool: DatabasePool) async throws -> Int {
        let result = try await JobQueue(pool: pool).enqueue(kind: MatchRunJobs.kind, args: args, maxAttempts: 5)
        return result.id
    }
}

/// Stands in for the `Mail` outbox until it lands: a run that has emails to queue fails (and rolls back)
/// instead of losing them. `--dry-run` and runs without recipients work.
struct UnavailableOutboxMailer: RunMailer {
    func enqueue(_ emails: [ReportEmail], on connection: Connection) async throws {
        guard emails.isEmpty else {
            throw RunError(stage: "emails", message: "\(emails.count) emails to queue, but this build has no email outbox yet (Mail's Outbox)")
        }
    }
}
