import Database
import Foundation
import Hummingbird
import Store

/// `/referrals/approvals`: a case worker's approval of the placements the match holds for the
/// students they referred with "my approval is required" (`pending_approval`). Only the referring
/// case worker reaches them (another placement is 404).
///
/// - Approve: the placement becomes `matched` and goes on like any other; the guardian's placement
///   notice, held back until now, is queued in the same transaction.
/// - Decline (a reason is required): the placement is withdrawn, its seat open again. The school
///   sees only ``PlacementApprovalBook/schoolReason``; the case worker's reason stays with the
///   referral's data.
/// Both are audited as the case worker (the `placements` and `placement_approvals` triggers).
struct ApprovalsController {
    let deps: Dependencies
    var book: PlacementApprovalBook { PlacementApprovalBook(pool: deps.pool) }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("referrals/approvals", use: list)
        router.post("referrals/approvals/:id/approve", use: approve)
        router.post("referrals/approvals/:id/decline", use: decline)
    }

    var today: CalendarDate {
        deps.today
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let pending = try await book.pending(caseWorkerID: user.id)
        let decided = try await book.decided(caseWorkerID: user.id)
        if !pending.isEmpty || !decided.isEmpty {
            try await AuditLog(pool: deps.pool).recordView(
                by: AuditActor(userID: user.id, name: user.email), entity: "placement_approvals", entityID: "referred_by/\(user.id)",
                detail: #"{"page": "approvals", "pending": \#(pending.count), "decided": \#(decided.count)}"#)
        }
        func row(_ a: PlacementApproval) -> [String: Any] {
            ["id": a.placementID, "student": a.studentName, "school": a.schoolName, "slot": a.slotTitle, "employer": a.employerName,
             "site": a.site, "schedule": a.schedule, "start": a.startDate, "approved": a.decision == "approved",
             "reason": a.reason ?? "", "decidedOn": a.decidedOn ?? ""]
        }
        return try deps.pages.page("approvals", title: "Placements awaiting your approval", context: context, data: [
            "none": pending.isEmpty, "pending": pending.map(row), "anyDecided": !decided.isEmpty, "decided": decided.map(row),
        ])
    }

    @Sendable func approve(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.id()
        let date = today
        let queue = try GuardianNoticeSender.queue(deps)
        let result: (PlacementApproval, Int)? = try await deps.pool.withAuditedTransaction(as: AuditActor(userID: user.id, name: user.email)) { conn in
            guard let line = try await PlacementApprovalBook.approve(placementID: id, caseWorkerID: user.id, on: date, conn: conn) else { return nil }
            let notices = try await queue.queue(runID: line.runID, studentID: line.studentID, on: conn)
            return (line, notices)
        }
        guard let (line, notices) = result else { throw HTTPError(.notFound) }
        context.flash("Approved: \(line.studentName) at \(line.slotTitle) (\(line.employerName))."
                      + (notices > 0 ? " The guardian's placement notice is queued." : ""))
        return .redirect(to: "/referrals/approvals")
    }

    @Sendable func decline(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.id()
        let form = try await request.form(context: context)
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard try await book.pending(caseWorkerID: user.id).contains(where: { $0.placementID == id }) else { throw HTTPError(.notFound) }
        guard !reason.isEmpty else {
            context.flash("Not saved: say why you decline the placement (the reason is empty). Nothing changed.")
            return .redirect(to: "/referrals/approvals")
        }
        let date = today
        let line = try await deps.pool.withAuditedTransaction(as: AuditActor(userID: user.id, name: user.email)) { conn in
            return try await PlacementApprovalBook.decline(placementID: id, caseWorkerID: user.id, on: date, reason: reason, conn: conn)
        }
        guard let line else { throw HTTPError(.notFound) }
        context.flash("Declined: \(line.studentName) will not be placed at \(line.slotTitle); the seat is open again.")
        return .redirect(to: "/referrals/approvals")
    }
}
