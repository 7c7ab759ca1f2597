import Hummingbird
import Store

/// `/outbox` (coordinators): the emails queued, failed and sent — recipients, subject, attempts,
/// the last error, when — with counts by state and a state filter. Never the message body: it may
/// hold a student's details. (The Mail module has no "retry a failed email" operation yet, so the
/// page offers none: a failed email stays failed.)
struct OutboxController {
    let deps: Dependencies

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("outbox", use: list)
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
