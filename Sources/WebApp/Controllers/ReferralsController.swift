import Database
import Foundation
import Hummingbird
import Store

/// Case workers' referrals: the form (student by school code and number, court-ordered
/// restrictions) and the outcomes of their own referrals only. Nobody else reaches these pages.
struct ReferralsController {
    let deps: Dependencies
    var book: ReferralBook { ReferralBook(pool: deps.pool) }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("referrals", use: list)
        router.post("referrals", use: create)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await render(context: context, errors: [], draft: nil)
    }

    func render(context: AppRequestContext, errors: [FieldError], draft: ReferralDraft?, status: HTTPResponse.Status = .ok) async throws -> HTML {
        let user = try context.requireUser()
        let lines = try await book.referrals(by: user.id)
        if !lines.isEmpty {
            try await AuditLog(pool: deps.pool).recordView(by: AuditActor(userID: user.id, name: user.email), entity: "referrals",
                                                           entityID: "referred_by/\(user.id)", detail: #"{"page": "referrals", "rows": \#(lines.count)}"#)
        }
        return try deps.pages.page("referrals", title: "Referrals", context: context, data: [
            "hasErrors": !errors.isEmpty, "errors": errors.map { ["field": $0.field, "message": $0.message] },
            "none": lines.isEmpty,
            "referrals": lines.map { r -> [String: Any] in
                ["student": r.studentName, "school": r.schoolName, "referredOn": r.referredOn, "active": r.active,
                 "curfew": r.curfew ?? "", "approval": r.approvalRequired, "counties": r.excludedCounties.joined(separator: ", "),
                 "placement": r.placement ?? "", "published": r.published,
                 "awaitsYou": r.placementStatus == "pending_approval",
                 "stage": r.placementStatus.flatMap { $0 == "pending_approval" ? nil : $0 } ?? ""]
            },
            "school": draft?.schoolCode ?? "", "number": draft?.studentNumber ?? "", "referredOn": draft?.referredOn ?? "",
            "curfewValue": draft?.curfew ?? "", "approvalChecked": draft?.approvalRequired ?? false,
            "countiesValue": draft?.excludedCounties.joined(separator: ", ") ?? "",
        ], status: status)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard let office = user.organizationID else { throw HTTPError(.forbidden) }
        let form = try await request.form(context: context)
        func text(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespaces) }
        var errors: [FieldError] = []
        if text("school").isEmpty { errors.append(FieldError(field: "School code", message: "give the school's code (e.g. clovis-hs)")) }
        if text("student_number").isEmpty { errors.append(FieldError(field: "Student number", message: "give the school's student number")) }
        if !StudentFactsForm.isDate(text("referred_on")) {
            errors.append(FieldError(field: "Referred on", message: "'\(text("referred_on"))' is not a date like 2026-10-01"))
        }
        let curfew = text("curfew")
        let parts = curfew.split(separator: ":").compactMap { Int($0) }
        if !curfew.isEmpty && !(parts.count == 2 && (0...23).contains(parts[0]) && (0...59).contains(parts[1])) {
            errors.append(FieldError(field: "Curfew", message: "'\(curfew)' is not a time like 20:00"))
        }
        let counties = text("excluded_counties").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let draft = ReferralDraft(schoolCode: text("school"), studentNumber: text("student_number"), referredOn: text("referred_on"),
                                  curfew: curfew.isEmpty ? nil : curfew, approvalRequired: form["approval_required"] != nil,
                                  excludedCounties: counties)
        if errors.isEmpty {
            if try await book.refer(draft, userID: user.id, officeID: office) != nil {
                context.flash("Referral recorded.")
                return .redirect(to: "/referrals")
            }
            errors.append(FieldError(field: "Student", message: "no student \(draft.studentNumber) at school \(draft.schoolCode)"))
        }
        return try await render(context: context, errors: errors, draft: draft, status: .unprocessableContent).response(from: request, context: context)
    }
}
