import Database
import Foundation
import Hummingbird
import Store

/// Placement pages after the final match: the list in the user's scope, one placement with its
/// stages and hours, and the forms that record a stage (accept, start, complete, withdraw with a
/// reason) or a day's hours. Counselors reach their school's students, EDC staff their slots'
/// placements (start and hours only, see ``PlacementChange``), coordinators all; a placement out of
/// scope is 404. Every change is audited by the database as the signed-in user.
struct PlacementsController {
    let deps: Dependencies
    var book: PlacementBook { PlacementBook(pool: deps.pool) }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("placements", use: list)
        router.get("placements/:id", use: show)
        router.post("placements/:id/transition", use: transition)
        router.post("placements/:id/hours", use: hours)
    }

    var today: CalendarDate {
        deps.today
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let rows = try await book.list(scope: user.placementScope)
        return try deps.pages.page("placements", title: "Placements", context: context, data: [
            "none": rows.isEmpty, "showSchool": user.role != .counselor,
            "placements": rows.map { p -> [String: Any] in
                ["id": p.id, "student": p.studentName, "school": p.schoolName, "slot": p.slotTitle, "employer": p.employerName,
                 "status": p.visibleStatus(juvenileEntitled: user.juvenileEntitled), "hours": PlacementChange.hoursText(p.minutes)]
            },
        ])
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        guard let p = try await book.find(id: try context.id(), scope: user.placementScope) else { throw HTTPError(.notFound) }
        let hours = try await book.hours(placementID: p.id)
        let status = p.visibleStatus(juvenileEntitled: user.juvenileEntitled)
        let school = user.role != .edcStaff
        let open = status != "completed" && status != "withdrawn"
        return try deps.pages.page("placement", title: "Placement · \(p.studentName)", context: context, data: [
            "id": p.id, "student": p.studentName, "school": p.schoolName, "slot": p.slotTitle, "employer": p.employerName,
            "runID": p.runID, "status": status, "acceptedOn": p.acceptedOn ?? "", "startedOn": p.startedOn ?? "",
            "completedOn": p.completedOn ?? "", "withdrawnOn": p.withdrawnOn ?? "",
            // The reason is the school's note; an EDC sees only that the placement was withdrawn.
            "withdrawnReason": school ? (p.withdrawnReason ?? "") : "",
            "total": PlacementChange.hoursText(p.minutes), "today": today.description,
            "hours": hours.map { ["on": $0.workedOn, "time": PlacementChange.hoursText($0.minutes), "by": $0.loggedBy] },
            "noHours": hours.isEmpty,
            "canAccept": school && (status == "matched" || status == "pending_approval"),
            "canStart": status == "accepted", "canComplete": school && status == "started", "canWithdraw": school && open,
            "canLogHours": status == "started" || status == "completed",
        ])
    }

    @Sendable func transition(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (user, placement) = try await placement(context)
        let form = try await request.form(context: context)
        return try await apply(context: context, placement: placement, user: user) {
            try PlacementChange.transition(action: form["action"] ?? "", on: form["on"], reason: form["reason"], today: today)
        }
    }

    @Sendable func hours(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (user, placement) = try await placement(context)
        let form = try await request.form(context: context)
        return try await apply(context: context, placement: placement, user: user) {
            let text = (form["hours"] ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            guard let hours = Double(text), hours.isFinite else {
                throw PlacementChangeRefused.invalid(field: "hours", "'\(text)' is not a number of hours like 2.5")
            }
            let minutes = Int((hours * 60).rounded())
            guard (1...1440).contains(minutes) else {
                throw PlacementChangeRefused.invalid(field: "hours", "\(text) hours is not a day of work: give between 0.25 and 24")
            }
            return try PlacementChange.hours(workedOn: form["worked_on"], minutes: minutes, today: today)
        }
    }

    func placement(_ context: AppRequestContext) async throws -> (SignedInUser, PlacementRecord) {
        let user = try context.requireUser()
        guard let p = try await book.find(id: try context.id(), scope: user.placementScope) else { throw HTTPError(.notFound) }
        return (user, p)
    }

    /// Reads and applies a change; a refusal is shown on the placement's page (nothing changed).
    func apply(context: AppRequestContext, placement: PlacementRecord, user: SignedInUser,
               _ read: () throws -> PlacementChange) async throws -> Response {
        do {
            let change = try read()
            context.flash(try await change.apply(to: placement, by: user, pool: deps.pool))
        } catch let refused as PlacementChangeRefused {
            switch refused {
            case .notFound: throw HTTPError(.notFound)
            case .forbidden(let m): throw HTTPError(.forbidden, message: m)
            case .invalid, .notAllowed: context.flash("Not saved: \(refused.message)")
            }
        }
        return .redirect(to: "/placements/\(placement.id)")
    }
}
