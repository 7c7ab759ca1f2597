import Foundation
import Hummingbird
import Reports
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
        router.post("runs", use: start)
    }

    static func row(_ r: RunSummary) -> [String: Any] {
        ["id": r.id, "round": r.roundName, "kind": r.kind, "state": r.state, "started": r.startedAt,
         "finished": r.finishedAt ?? "", "verified": r.verified, "students": r.studentsCount ?? 0,
         "assigned": r.assignedCount ?? 0, "unassigned": r.unassignedCount ?? 0, "error": r.error ?? "",
         "failed": r.state == "failed", "published": r.state == "published"]
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let runs = try await ledger.list()
        let pending = try await RunStarter(pool: deps.pool).pending()
        var data: [String: Any] = ["runs": runs.map(Self.row), "none": runs.isEmpty]
        if let round = try await ChoiceBook(pool: deps.pool).openRound() {
            data["round"] = ["name": round.name, "id": round.id]
        }
        if !pending.isEmpty {
            data["pending"] = pending.map { ["job": $0.jobID, "state": $0.state, "kind": $0.kind, "attempt": $0.attempt, "error": $0.lastError ?? ""] }
            data["refresh"] = "3"
        }
        return try deps.pages.page("runs", title: "Match runs", context: context, data: data)
    }

    /// Queues a run of the open round for the workers; a final run needs the confirmation box.
    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await request.form(context: context)
        guard let kind = RunKind(rawValue: form["kind"] ?? ""), kind != .preview else {
            throw HTTPError(.badRequest, message: "Choose a trial (manual) run or the final run.")
        }
        if kind == .final && form["confirm"] != "1" {
            context.flash("Tick the box to confirm the final run: it publishes the match and freezes the round's choices.")
            return .redirect(to: "/runs")
        }
        guard let round = try await ChoiceBook(pool: deps.pool).openRound() else {
            context.flash("No round is open, so there is nothing to match.")
            return .redirect(to: "/runs")
        }
        let (job, inserted) = try await RunStarter(pool: deps.pool).start(kind: kind, roundID: round.id, userID: user.id)
        context.flash(inserted ? "The \(kind == .final ? "final" : "trial") run of \(round.name) is queued as job #\(job). A worker runs it; this page shows it when it is done."
                               : "The final run of \(round.name) was queued already (job #\(job)).")
        return .redirect(to: "/runs")
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

}
