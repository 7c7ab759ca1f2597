import Hummingbird
import Store

/// `POST /runs/:id/guardian-notices`: queues the placement and second-round notices a published
/// final run owes guardians (each once, whoever presses the button and however often).
struct GuardianNoticesController {
    let deps: Dependencies

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.post("runs/:id/guardian-notices", use: send)
    }

    @Sendable func send(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let runID = try context.id()
        guard let run = try await RunLedger(pool: deps.pool).find(id: runID) else { throw HTTPError(.notFound) }
        guard run.kind == "final" && run.state == "published" else {
            context.flash("Guardian notices go out only for a published final run.")
            return .redirect(to: "/runs/\(runID)")
        }
        let sent = try await GuardianEmails.sendNotices(runID: runID, deps: deps, actor: AuditActor(userID: user.id, name: user.email))
        context.flash(sent == 0 ? "Every guardian notice of this run was already queued." : "\(sent) guardian notice(s) queued.")
        return .redirect(to: "/runs/\(runID)")
    }
}
