import Foundation
import Hummingbird
import Store

/// Coordinators' match runs: list, results with each student's explanation, the difference from
/// the previous run, and publishing a verified final run.
struct RunsController {
    let deps: Dependencies
    var ledger: RunLedger { RunLedger(pool: deps.pool) }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("runs", use: list)
        router.get("runs/:id", use: show)
        router.get("runs/:id/students/:student", use: student)
        router.get("runs/:id/diff", use: diff)
        router.post("runs/:id/publish", use: publish)
    }

    static func row(_ r: RunSummary) -> [String: Any] {
        ["id": r.id, "round": r.roundName, "kind": r.kind, "state": r.state, "started": r.startedAt,
         "finished": r.finishedAt ?? "", "verified": r.verified, "students": r.studentsCount ?? 0,
         "assigned": r.assignedCount ?? 0, "unassigned": r.unassignedCount ?? 0, "error": r.error ?? "",
         "failed": r.state == "failed", "publishable": r.kind == "final" && r.state == "succeeded" && r.verified]
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let runs = try await ledger.list()
        return try deps.pages.page("runs", title: "Match runs", context: context, data: ["runs": runs.map(Self.row), "none": runs.isEmpty])
    }

    func run(_ context: AppRequestContext) async throws -> RunSummary {
        guard let run = try await ledger.find(id: try context.id()) else { throw HTTPError(.notFound) }
        return run
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let run = try await run(context)
        let search = request.search
        let lines = try await ledger.assignments(runID: run.id, scope: user.studentScope, search: search)
        return try deps.pages.page("run", title: "Run \(run.id)", context: context, data: [
            "run": Self.row(run), "runID": run.id, "q": search, "none": lines.isEmpty,
            "lines": lines.map { l -> [String: Any] in
                ["studentID": l.studentID, "student": l.studentName, "school": l.schoolName, "slot": l.slotTitle ?? "",
                 "employer": l.employerName ?? "", "rank": l.choiceRank.map(String.init) ?? "", "matched": l.slotID != nil]
            },
        ])
    }

    @Sendable func student(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let run = try await run(context)
        let studentID = try context.id("student")
        guard let line = try await ledger.assignments(runID: run.id, scope: user.studentScope).first(where: { $0.studentID == studentID }) else {
            throw HTTPError(.notFound)
        }
        let explanations = try await ledger.explanations(runID: run.id, studentID: studentID, includeConfidential: user.canViewJuvenile)
        if user.canViewJuvenile {
            try await AuditLog(pool: deps.pool).recordExplanationView(by: AuditActor(userID: user.id, name: user.email), runID: run.id, studentID: studentID)
        }
        return try deps.pages.page("run_student", title: line.studentName, context: context, data: [
            "run": Self.row(run), "student": line.studentName, "school": line.schoolName, "matched": line.slotID != nil,
            "slot": line.slotTitle ?? "", "employer": line.employerName ?? "", "rank": line.choiceRank.map(String.init) ?? "",
            "explanations": explanations.map { x -> [String: Any] in
                ["rank": x.choiceRank, "slot": x.slotTitle, "employer": x.employerName, "outcome": Self.outcome(x.outcome),
                 "message": x.message, "assigned": x.outcome == "assigned"]
            },
            "noExplanations": explanations.isEmpty,
        ])
    }

    static func outcome(_ code: String) -> String {
        switch code {
        case "assigned": "Placed here"
        case "ineligible": "Not eligible"
        case "outranked": "Seats went to applicants ranked higher"
        case "ranked_out": "The employer did not rank this student"
        default: code
        }
    }

    @Sendable func diff(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let run = try await run(context)
        let previous = try await ledger.previous(of: run)
        var data: [String: Any] = ["run": Self.row(run)]
        if let previous {
            let changes = try await ledger.differences(before: previous.id, after: run.id)
            data["previous"] = Self.row(previous)
            data["changes"] = changes.map { ["studentID": $0.studentID, "student": $0.studentName, "before": $0.before ?? "unmatched", "after": $0.after ?? "unmatched"] }
            data["noChanges"] = changes.isEmpty
        } else {
            data["noPrevious"] = true
        }
        return try deps.pages.page("run_diff", title: "Run \(run.id): changes", context: context, data: data)
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let run = try await run(context)
        guard try await ledger.publish(runID: run.id) else {
            context.flash("Only a verified, succeeded final run can be published (and only one per round).")
            return .redirect(to: "/runs/\(run.id)")
        }
        let user = try context.requireUser()
        let notices = try await GuardianEmails.sendNotices(runID: run.id, deps: deps, actor: AuditActor(userID: user.id, name: user.email))
        context.flash("Run \(run.id) is published; \(notices) guardian notice(s) queued.")
        return .redirect(to: "/runs/\(run.id)")
    }
}
