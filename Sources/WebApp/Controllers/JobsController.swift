import Foundation
import Hummingbird
import Jobs
import Store

/// `/jobs` (coordinators): the background jobs with a state filter, one job with its arguments and
/// every recorded error, and the operator's actions — retry, cancel, discard — through the same
/// ``JobAdmin`` as `wblmatch jobs retry|cancel|discard`. An action that cannot apply (a running job
/// retried, a finished one discarded) is refused with JobAdmin's sentence, nothing changed. Each
/// action done is written to `audit_log` (`retry`/`cancel`/`discard`, entity `jobs`).
struct JobsController {
    let deps: Dependencies
    var admin: JobAdmin { JobAdmin(pool: deps.pool) }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("jobs", use: list)
        router.get("jobs/:id", use: show)
        router.post("jobs/:id/retry", use: retry)
        router.post("jobs/:id/cancel", use: cancel)
        router.post("jobs/:id/discard", use: discard)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        _ = try context.requireUser()
        let text = request.uri.queryParameters.get("state") ?? ""
        let state = JobState(rawValue: text)
        let counts = try await admin.counts()
        let jobs = try await admin.list(state: state, limit: 200)
        return try deps.pages.page("jobs", title: "Background jobs", context: context, data: [
            "states": JobState.allCases.map { s -> [String: Any] in
                ["state": s.rawValue, "count": counts[s] ?? 0, "current": s == state]
            },
            "all": state == nil, "filter": state?.rawValue ?? "", "badFilter": !text.isEmpty && state == nil ? text : "",
            "none": jobs.isEmpty,
            "jobs": jobs.map { job -> [String: Any] in
                ["id": job.id, "state": job.state.rawValue, "kind": job.kind, "queue": job.queue,
                 "attempt": "\(job.attempt)/\(job.maxAttempts)", "runAt": TimeText.utc(job.runAt),
                 "lastError": job.errors.last.map { String("\($0.kind): \($0.error)".prefix(160)) } ?? ""]
            },
        ])
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        _ = try context.requireUser()
        let job = try await find(context)
        let waiting = job.state == .available || job.state == .retryable
        return try deps.pages.page("job", title: "Job #\(job.id)", context: context, data: [
            "id": job.id, "kind": job.kind, "queue": job.queue, "state": job.state.rawValue, "priority": job.priority,
            "attempt": "\(job.attempt) of \(job.maxAttempts)", "uniqueKey": job.uniqueKey ?? "-",
            "createdAt": TimeText.utc(job.createdAt), "runAt": TimeText.utc(job.runAt), "attemptedAt": TimeText.utc(job.attemptedAt),
            "finalizedAt": TimeText.utc(job.finalizedAt), "heartbeatAt": TimeText.utc(job.heartbeatAt), "worker": job.lockedBy ?? "-",
            "cancelRequestedAt": TimeText.utc(job.cancelRequestedAt), "args": job.argsJSON, "metadata": job.metadataJSON,
            "noErrors": job.errors.isEmpty,
            "errors": job.errors.map { ["attempt": $0.attempt, "at": $0.at, "kind": $0.kind, "error": $0.error] as [String: Any] },
            "canRetry": job.state != .running, "canCancel": waiting || job.state == .running, "canDiscard": waiting,
        ])
    }

    @Sendable func retry(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(context, "retry") { id in
            try await admin.retry(id)
            return "Job \(id) is available again: a worker will run it now."
        }
    }

    @Sendable func cancel(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(context, "cancel") { id in
            let state = try await admin.cancel(id)
            return state == .running ? "Job \(id) is running: its worker will cancel it at its next heartbeat." : "Job \(id) is cancelled."
        }
    }

    @Sendable func discard(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(context, "discard") { id in
            try await admin.discard(id)
            return "Job \(id) is discarded: it will not run."
        }
    }

    func find(_ context: AppRequestContext) async throws -> JobRecord {
        let id = try context.id()
        guard let id = Int(exactly: id) else { throw HTTPError(.notFound) }
        do { return try await admin.show(id) } catch let error as JobsError where error.kind == .notFound { throw HTTPError(.notFound) }
    }

    /// Runs an operator's action on the job of the URL; JobAdmin's refusal is shown on the job's page.
    func act(_ context: AppRequestContext, _ name: String, _ action: (Int) async throws -> String) async throws -> Response {
        let user = try context.requireUser()
        let job = try await find(context)
        do {
            let message = try await action(job.id)
            try await AuditLog(pool: deps.pool).record(by: AuditActor(userID: user.id, name: user.email), action: name, entity: "jobs",
                                                       entityID: String(job.id), detail: try Self.json(["kind": job.kind, "was": job.state.rawValue]))
            context.flash(message)
        } catch let error as JobsError {
            if error.kind == .notFound { throw HTTPError(.notFound) }
            context.flash("Not done: \(error.message)")
        }
        return .redirect(to: "/jobs/\(job.id)")
    }

    static func json(_ object: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(object), as: UTF8.self)
    }
}
