import Foundation
import Hummingbird
import Store

/// Coordinators search the audit log. Entries about juvenile-services data (referrals and their
/// restrictions) appear only for coordinators granted that permission.
struct AuditController {
    let deps: Dependencies

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("audit", use: search)
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let q = request.uri.queryParameters
        func text(_ name: String) -> String { q.get(name)?.trimmingCharacters(in: .whitespaces) ?? "" }
        let filter = AuditFilter(actor: text("actor"), entity: text("entity"), entityID: text("entity_id"), action: text("action"),
                                 text: text("q"), beforeID: q.get("before").flatMap { Int64($0) }, limit: 200)
        let entries = try await AuditLog(pool: deps.pool).search(filter, includeJuvenile: user.canViewJuvenile)
        return try deps.pages.page("audit", title: "Audit log", context: context, data: [
            "actor": filter.actor, "entity": filter.entity, "entityID": filter.entityID, "action": filter.action, "q": filter.text,
            "none": entries.isEmpty, "more": entries.count == filter.limit, "last": entries.last?.id ?? 0,
            "entries": entries.map { e -> [String: Any] in
                ["id": e.id, "at": ConsentRequestsController.stamp(e.at), "actor": e.actor, "action": e.action,
                 "entity": e.entity, "entityID": e.entityID, "detail": e.detail]
            },
        ])
    }
}
