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
