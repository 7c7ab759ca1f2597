import Hummingbird
import Mail
import Store

/// `/outbox` (coordinators): the emails queued, failed and sent — recipients, subject, attempts,
/// the last error, when — with counts by state and a state filter. Never the message body: it may
/// hold a student's details. A failed email can be queued again (after the mail server or the
/// address is fixed); the retry is audited (`retry`, entity `outbox_email`).
struct OutboxController {
    let deps: Dependencies

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("outbox", use: list)
        router.post("outbox/:id/retry", use: retry)
    }

    @Sendable func retry(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.id()
        let queued = try await deps.pool.withTransaction { conn in
            guard try await Outbox.retryFailed(id: id, on: conn) else { return false }
            try await AuditLog.record(by: AuditActor(userID: user.id, name: user.email), action: "retry", entity: "outbox_email",
                                      entityID: String(id), on: conn)
            return true
        }
        context.flash(queued ? "Email \(id) is queued again: the worker sends it within a minute."
                             : "Not done: email \(id) is not a failed email (it is queued or sent already).")
        return .redirect(to: "/outbox?state=failed")
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        _ = try context.requireUser()
        let ledger = OutboxLedger(pool: deps.pool)
        let text = request.uri.queryParameters.get("state") ?? ""
        let state = OutboxLedger.states.contains(text) ? text : nil
        let counts = try await ledger.counts()
        let emails = try await ledger.list(state: state)
        return try deps.pages.page("outbox", title: "Outbox", context: context, data: [
            "states": OutboxLedger.states.map { s -> [String: Any] in ["state": s, "count": counts[s] ?? 0, "current": s == state] },
            "all": state == nil, "badFilter": !text.isEmpty && state == nil ? text : "",
            "none": emails.isEmpty,
            "emails": emails.map { e -> [String: Any] in
                ["id": e.id, "to": e.recipients.joined(separator: ", "), "subject": e.subject, "state": e.state,
                 "failed": e.state == "failed", "attempts": e.attempts, "lastError": e.lastError ?? "",
                 "created": TimeText.utc(e.createdAt), "lastAttempt": TimeText.utc(e.lastAttemptAt),
                 "next": e.state == "queued" ? TimeText.utc(e.nextAttemptAt) : "", "sent": TimeText.utc(e.sentAt)]
            },
        ])
    }
}
