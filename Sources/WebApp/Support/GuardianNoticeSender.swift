import Foundation
import Mail
import MatchRuns
import Reports

/// The ``GuardianNoticeQueue`` of the web app: guardian notices rendered from the bundled templates
/// and queued in the outbox from `MAIL_FROM`, in the caller's transaction.
enum GuardianNoticeSender {
    /// Makes the queue (the re-send button, a case worker's approval).
    static func queue(_ deps: Dependencies) throws -> GuardianNoticeQueue {
        let zone = TimeZone(identifier: deps.configuration.guardians.timeZone) ?? .current
        let outbox = Outbox(renderer: MessageRenderer(defaultFrom: try EmailAddress(parsing: deps.configuration.guardians.mailFrom), timeZone: zone))
        return GuardianNoticeQueue(renderer: ReportRenderer(templates: deps.reportTemplates, timeZone: zone), mailer: OutboxRunMailer(outbox: outbox))
    }
}
