import Hummingbird
import Store

/// `POST /runs/:id/guardian-notices`: queues the notices a published final run still owes
/// guardians. Publishing queues them already (``GuardianNoticeQueue`` in the pipeline); this
/// sends only what was held back since — a placement a case worker has now approved, a guardian
/// email added later — and never a notice twice, whoever presses it and however often.
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
        let queue = try GuardianNoticeSender.queue(deps)
        let sent = try await queue.queue(runID: runID, pool: deps.pool, actor: AuditActor(userID: user.id, name: user.email))
        context.flash(sent == 0 ? "Every guardian notice this run owes has been queued already." : "\(sent) missing guardian notice(s) queued.")
        return .redirect(to: "/runs/\(runID)")
    }
}
