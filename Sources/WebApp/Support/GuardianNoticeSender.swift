import Mail
import MatchRuns
import Reports

/// The ``GuardianNoticeQueue`` of the web app: guardian notices rendered from the bundled templates
/// and queued in the outbox from `MAIL_FROM`, in the caller's transaction.
enum GuardianNoticeSender {
    /// Makes the queue (the re-send button, a case worker's approval).
    static func queue(_ deps: Dependencies) async throws -> GuardianNoticeQueue {
        let outbox = Outbox(from: try EmailAddress(parsing: deps.configuration.guardians.mailFrom))
        let mailer = OutboxRunMailer(outbox: outbox)
        return GuardianNoticeQueue(renderer: ReportRenderer(templates: try await ReportTemplates.bundled()), mailer: mailer)
    }
}
