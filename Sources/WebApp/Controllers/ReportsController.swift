import Database
import Foundation
import Hummingbird
import Reports
import Store

/// Coordinators' outcome reports: Perkins V 5S3 as a page and as CSV. The justice-involved row
/// (never a Perkins population) appears only for coordinators entitled to juvenile data, and
/// showing it is recorded in the audit log.
struct ReportsController {
    let deps: Dependencies

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("reports/perkins-5s3", use: page)
        router.get("reports/perkins-5s3.csv", use: csv)
        router.get("reports/outcomes", use: outcomes)
        router.get("reports/outcomes.csv", use: outcomesCSV)
    }

    /// The graduation window: `from`/`to` (YYYY-MM-DD), by default the school year ending June 30
    /// of this year (July 1 of last year to June 30).
    func report(_ request: Request, context: AppRequestContext) async throws -> (PerkinsReport, CalendarDate, CalendarDate) {
        let user = try context.requireUser()
        let q = request.uri.queryParameters
        let now = deps.today
        let endYear = now.month >= 7 ? now.year + 1 : now.year
        guard let from = q.get("from").map({ CalendarDate($0) }) ?? CalendarDate(year: endYear - 1, month: 7, day: 1),
              let to = q.get("to").map({ CalendarDate($0) }) ?? CalendarDate(year: endYear, month: 6, day: 30) else {
            throw HTTPError(.badRequest, message: "from and to must be dates written YYYY-MM-DD")
        }
        let report = try await PerkinsStore(pool: deps.pool).report(
            from: from, to: to, scope: user.studentScope, includeJustice: user.canViewJuvenile,
            viewer: AuditActor(userID: user.id, name: user.email))
        return (report, from, to)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (report, from, to) = try await report(request, context: context)
        let groups: [(String, String)] = [("overall", "Overall"), ("special_population", "Perkins special populations"),
                                          ("school", "By school"), ("program_of_study", "By program of study"),
                                          ("school_program", "By school and program of study"),
                                          ("justice_involved", "Juvenile services (confidential; not a Perkins population)")]
        let sections: [[String: Any]] = groups.compactMap { group, title in
            let rows = report.rows.filter { $0.group == group }
            guard !rows.isEmpty else { return nil }
            return ["title": title, "rows": rows.map { ["label": $0.label, "concentrators": $0.concentrators, "participated": $0.participated, "percent": $0.percent] }]
        }
        return try deps.pages.page("perkins", title: "Perkins V 5S3", context: context, data: [
            "from": from.description, "to": to.description, "sections": sections,
        ])
    }

    func outcomesReport(_ request: Request, context: AppRequestContext) async throws -> OutcomesReport {
        let user = try context.requireUser()
        let store = OutcomesStore(pool: deps.pool)
        let asked = request.uri.queryParameters.get("run")
        let chosen: Int64?
        if let asked { chosen = Int64(asked) } else { chosen = try await store.latestRunID() }
        guard let runID = chosen else {
            throw HTTPError(.notFound, message: asked == nil ? "No run has results yet." : "run must be a run number")
        }
        guard let report = try await store.report(runID: runID, includeJuvenile: user.canViewJuvenile,
                                                  viewer: AuditActor(userID: user.id, name: user.email)) else {
            throw HTTPError(.notFound, message: "There is no run \(runID).")
        }
        return report
    }

    static let outcomeGroups: [(String, String)] = [
        ("school", "Students matched by school"), ("program_of_study", "Students matched by program of study"),
        ("county", "Students matched by county (of the school)"), ("edc", "Seats filled by EDC"),
        ("kind", "Seats filled by kind of placement"), ("referred", "Referred youth (confidential)"),
    ]

    @Sendable func outcomes(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let r = try await outcomesReport(request, context: context)
        let overall = OutcomesReport.Line(group: "overall", label: "All", total: r.students, matched: r.matched)
        let sections: [[String: Any]] = Self.outcomeGroups.compactMap { group, title in
            let lines = r.lines(group)
            guard !lines.isEmpty else { return nil }
            return ["title": title, "rows": lines.map { ["label": $0.label, "total": $0.total, "matched": $0.matched, "percent": $0.percent] }]
        }
        var data: [String: Any] = [
            "runID": r.runID, "students": r.students, "matched": r.matched, "percent": overall.percent, "sections": sections,
            "unfilled": r.unfilled.map { ["title": $0.title, "employer": $0.employer, "capacity": $0.capacity, "filled": $0.filled] },
            "noUnfilled": r.unfilled.isEmpty, "reasons": r.unmatchedReasons.map { ["reason": $0.reason, "count": $0.count] },
            "noReasons": r.unmatchedReasons.isEmpty, "reservedSeats": r.reservedSeats, "reservedUsed": r.reservedSeatsUsed,
        ]
        if let previous = r.previousRunID, let before = r.previousMatched {
            data["previous"] = ["id": previous, "matched": before, "change": r.matched - before >= 0 ? "+\(r.matched - before)" : "\(r.matched - before)"]
        }
        if let round = r.previousRound {
            let line = OutcomesReport.Line(group: "", label: "", total: round.students, matched: round.matched)
            data["previousRound"] = ["name": round.name, "id": round.runID, "matched": round.matched, "students": round.students, "percent": line.percent]
        }
        return try deps.pages.page("outcomes", title: "Outcomes of run \(r.runID)", context: context, data: data)
    }

    @Sendable func outcomesCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let r = try await outcomesReport(request, context: context)
        var out = "group,label,total,matched,rate_percent\n"
        // Every text cell through the reports' CSV escaping: quoting, and no spreadsheet formulas.
        func cell(_ s: String) -> String { CSVWriter.escape(s) }
        out += "overall,All,\(r.students),\(r.matched),\(OutcomesReport.Line(group: "", label: "", total: r.students, matched: r.matched).percent.replacingOccurrences(of: "%", with: ""))\n"
        for l in r.lines { out += "\(cell(l.group)),\(cell(l.label)),\(l.total),\(l.matched),\(l.percent.replacingOccurrences(of: "%", with: ""))\n" }
        for s in r.unfilled { out += "unfilled_slot,\(cell(s.title + " · " + s.employer)),\(s.capacity),\(s.filled),\n" }
        for (reason, count) in r.unmatchedReasons { out += "unmatched_reason,\(cell(reason)),\(count),,\n" }
        out += "reserved_seats,used,\(r.reservedSeats),\(r.reservedSeatsUsed),\n"
        if let previous = r.previousRunID, let before = r.previousMatched {
            out += "previous_run,\(previous),,\(before),\n"
        }
        if let round = r.previousRound {
            let rate = OutcomesReport.Line(group: "", label: "", total: round.students, matched: round.matched).percent
            out += "previous_round,\(cell(round.name)),\(round.students),\(round.matched),\(rate.replacingOccurrences(of: "%", with: ""))\n"
        }
        return Response(status: .ok, headers: [
            .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"outcomes-run-\(r.runID).csv\"",
        ], body: .init(byteBuffer: ByteBuffer(string: out)))
    }

    @Sendable func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (report, from, to) = try await report(request, context: context)
        return Response(status: .ok, headers: [
            .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"perkins-5s3-\(from)-\(to).csv\"",
        ], body: .init(byteBuffer: ByteBuffer(string: report.csv())))
    }
}
