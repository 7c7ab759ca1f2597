import Database
import Foundation
import Hummingbird
import Store

/// Coordinators' outcome reports: Perkins V 5S3 as a page and as CSV. The justice-involved row
/// (never a Perkins population) appears only for coordinators entitled to juvenile data, and
/// showing it is recorded in the audit log.
struct ReportsController {
    let deps: Dependencies

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("reports/perkins-5s3", use: page)
        router.get("reports/perkins-5s3.csv", use: csv)
    }

    /// The graduation window: `from`/`to` (YYYY-MM-DD), by default the school year ending June 30
    /// of this year (July 1 of last year to June 30).
    func report(_ request: Request, context: AppRequestContext) async throws -> (PerkinsReport, CalendarDate, CalendarDate) {
        let user = try context.requireUser()
        let q = request.uri.queryParameters
        let now = CalendarDate(Date(), in: TimeZone(identifier: deps.configuration.guardians.timeZone) ?? .current)
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

    @Sendable func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (report, from, to) = try await report(request, context: context)
        return Response(status: .ok, headers: [
            .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"perkins-5s3-\(from)-\(to).csv\"",
        ], body: .init(byteBuffer: ByteBuffer(string: report.csv())))
    }
}
