import Foundation
import Hummingbird
import Mail
import Store

/// Counselors (their school) and coordinators send a guardian a consent request and see how
/// each request stands (pending, expired, consented, declined).
struct ConsentRequestsController {
    let deps: Dependencies
    var store: GuardianConsentStore { GuardianConsentStore(pool: deps.pool, timeZone: deps.configuration.guardians.timeZone) }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("students/:id/consent", use: list)
        router.post("students/:id/consent", use: send)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let id = try context.id()
        guard let student = try await StudentDirectory(pool: deps.pool).find(id: id, scope: user.studentScope) else { throw HTTPError(.notFound) }
        let requests = try await store.requests(studentID: id, scope: user.studentScope)
        let s = student.summary
        return try deps.pages.page("consent_requests", title: "Guardian consent · \(s.firstName) \(s.lastName)", context: context, data: [
            "id": id, "name": "\(s.firstName) \(s.lastName)", "guardianEmail": student.facts.guardianEmail, "none": requests.isEmpty,
            "requests": requests.map { r -> [String: Any] in
                ["email": r.guardianEmail, "language": r.language, "requested": Self.stamp(r.requestedAt), "expires": Self.stamp(r.expiresAt),
                 "state": r.state.rawValue, "signer": r.signerName ?? "", "signedOn": r.signedOn ?? ""]
            },
        ])
    }

    /// Creates the request and queues the email in one transaction: either both exist or neither.
    @Sendable func send(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.id()
        // Another school's student is not found, not merely "no guardian email".
        guard try await StudentDirectory(pool: deps.pool).find(id: id, scope: user.studentScope) != nil else { throw HTTPError(.notFound) }
        let settings = deps.configuration.guardians
        let outbox = Outbox(from: try EmailAddress(parsing: settings.mailFrom))
        let pages = deps.pages
        let store = store
        let sent = try await deps.pool.withTransaction { conn -> Bool in
            guard let invitation = try await store.request(studentID: id, scope: user.studentScope,
                                                           by: AuditActor(userID: user.id, name: user.email), on: conn) else { return false }
            let email = try GuardianEmails.consentRequest(invitation, settings: settings, pages: pages)
            try await outbox.enqueue(email, on: conn)
            return true
        }
        context.flash(sent ? "Consent request sent to the guardian." : "No request sent: the student has no guardian email on file.")
        return .redirect(to: "/students/\(id)/consent")
    }

    static func stamp(_ date: Date) -> String {
        String(ISO8601DateFormatter().string(from: date).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
