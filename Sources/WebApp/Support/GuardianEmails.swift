import Foundation
import Mail
import Store

/// Guardian emails, one template per language (`guardian_email_*_{en,es}.mustache`). They carry
/// the student's name and a link — never anything about referrals or court restrictions.
enum GuardianEmails {
    static func consentRequest(_ invitation: ConsentInvitation, settings: GuardianSettings, pages: PageRenderer) throws -> OutgoingEmail {
        let lang = GuardianText.language(invitation.language)
        let zone = TimeZone(identifier: settings.timeZone) ?? .current
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: invitation.expiresAt)
        let expires = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let greeting = invitation.guardianName.isEmpty ? (lang == "es" ? "familia" : "parent or guardian") : invitation.guardianName
        let text = try pages.render("guardian_email_consent_\(lang)", [
            "guardianName": greeting, "studentName": invitation.studentName,
            "link": "\(settings.publicURL)/guardian/consent/\(invitation.token)", "expires": expires,
        ])
        let subject = lang == "es" ? "Consentimiento para la práctica laboral de \(invitation.studentName)"
                                   : "Consent for \(invitation.studentName)'s work-based learning"
        return OutgoingEmail(to: [EmailAddress(invitation.guardianEmail, name: invitation.guardianName.isEmpty ? nil : invitation.guardianName)],
                             subject: subject, text: text)
    }
}

extension GuardianEmails {
    /// The placement or second-round notice of `notice`, in the guardian's language.
    static func notice(_ notice: GuardianNotice, pages: PageRenderer) throws -> OutgoingEmail {
        let lang = GuardianText.language(notice.language)
        let greeting = notice.guardianName.isEmpty ? (lang == "es" ? "familia" : "parent or guardian") : notice.guardianName
        let text = try pages.render("guardian_email_\(notice.kind)_\(lang)", [
            "guardianName": greeting, "studentFirstName": notice.studentFirstName, "slotTitle": notice.slotTitle,
            "employer": notice.employer, "site": notice.site, "address": notice.address, "virtual": notice.virtual,
            "schedule": notice.schedule, "startDate": notice.startDate, "contactName": notice.contactName, "contactEmail": notice.contactEmail,
        ])
        let subject = switch (notice.kind, lang) {
        case ("placed", "es"): "\(notice.studentFirstName) tiene una práctica laboral"
        case ("placed", _): "\(notice.studentFirstName) has a work-based-learning placement"
        case (_, "es"): "Segunda ronda de prácticas laborales para \(notice.studentFirstName)"
        default: "Second round of work-based learning for \(notice.studentFirstName)"
        }
        return OutgoingEmail(to: [EmailAddress(notice.guardianEmail, name: notice.guardianName.isEmpty ? nil : notice.guardianName)],
                             subject: subject, text: text)
    }

    /// Queues every notice run `runID` still owes and creates its placements, in one transaction;
    /// returns how many emails were queued. Safe to call again: nothing is sent twice.
    static func sendNotices(runID: Int64, deps: Dependencies, actor: AuditActor) async throws -> Int {
        let outbox = Outbox(from: try EmailAddress(parsing: deps.configuration.guardians.mailFrom))
        let store = GuardianNoticeStore()
        let pages = deps.pages
        try await PlacementLifecycle(pool: deps.pool).createPlacements(fromPublishedRun: runID, by: actor)
        return try await deps.pool.withTransaction { conn in
            var sent = 0
            for notice in try await store.owed(runID: runID, on: conn) {
                let queued = try await outbox.enqueue(try Self.notice(notice, pages: pages), on: conn)
                if try await store.recordSent(notice, runID: runID, emailID: queued.id, on: conn) { sent += 1 }
            }
            return sent
        }
    }
}
