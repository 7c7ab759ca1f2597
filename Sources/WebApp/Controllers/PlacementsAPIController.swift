import Database
import Foundation
import Hummingbird
import Store

/// `/api/v1/placements`: the placements a token's user reaches (the same scope and rules as the
/// placement pages), and their stages and hours. Errors are JSON `{"error": {"message": …}}` with
/// 404 for a placement out of scope, 403 for a role that may not make the change, 409 for a stage
/// that does not allow it and 422 for bad input (naming the JSON field).
struct PlacementsAPIController {
    let deps: Dependencies

    struct PlacementJSON: ResponseEncodable {
        var id: Int64
        var runId: Int64
        var studentId: Int64
        var student: String
        var school: String
        var slotId: Int64
        var slot: String
        var employer: String
        var status: String
        var acceptedOn: String?
        var startedOn: String?
        var completedOn: String?
        var withdrawnOn: String?
        var withdrawnReason: String?
        var minutes: Int
    }

    /// `POST /placements/:id/transitions`.
    struct TransitionInput: Decodable {
        var action: String
        var on: String?
        var reason: String?
    }

    /// `POST /placements/:id/hours`.
    struct HoursInput: Decodable {
        var workedOn: String?
        var minutes: Int?
    }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("placements", use: list)
        router.get("placements/:id", use: show)
        router.post("placements/:id/transitions", use: transition)
        router.post("placements/:id/hours", use: hours)
    }

    var today: CalendarDate {
        deps.today
    }

    static func json(_ p: PlacementRecord, for user: SignedInUser) -> PlacementJSON {
        PlacementJSON(id: p.id, runId: p.runID, studentId: p.studentID, student: p.studentName, school: p.schoolName, slotId: p.slotID,
                      slot: p.slotTitle, employer: p.employerName, status: p.visibleStatus(juvenileEntitled: user.juvenileEntitled),
                      acceptedOn: p.acceptedOn, startedOn: p.startedOn, completedOn: p.completedOn, withdrawnOn: p.withdrawnOn,
                      withdrawnReason: user.role == .edcStaff ? nil : p.withdrawnReason, minutes: p.minutes)
    }

    func user(_ context: AppRequestContext) throws -> SignedInUser {
        let user = try context.requireUser()
        guard user.placementScope != .nothing else {
            throw HTTPError(.forbidden, message: "A \(user.role.rawValue) token may not use this endpoint.")
        }
        return user
    }

    func placement(_ context: AppRequestContext) async throws -> (SignedInUser, PlacementRecord) {
        let user = try user(context)
        guard let p = try await PlacementBook(pool: deps.pool).find(id: try context.id(), scope: user.placementScope) else {
            throw HTTPError(.notFound, message: "No placement with this id in your scope.")
        }
        return (user, p)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> [PlacementJSON] {
        let user = try user(context)
        let status = request.uri.queryParameters.get("status")
        if let status, !["matched", "accepted", "started", "completed", "withdrawn"].contains(status) {
            throw HTTPError(.badRequest, message: "status: '\(status)' is not one of matched, accepted, started, completed, withdrawn")
        }
        var rows = try await PlacementBook(pool: deps.pool).list(scope: user.placementScope, status: status, limit: 5000)
        // `matched` includes the placements awaiting approval for readers who may not know of it.
        if status == "matched" && !user.juvenileEntitled {
            rows += try await PlacementBook(pool: deps.pool).list(scope: user.placementScope, status: "pending_approval", limit: 5000)
        }
        return rows.map { Self.json($0, for: user) }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> PlacementJSON {
        let (user, p) = try await placement(context)
        return Self.json(p, for: user)
    }

    @Sendable func transition(_ request: Request, context: AppRequestContext) async throws -> PlacementJSON {
        let (user, p) = try await placement(context)
        let input = try await request.decode(as: TransitionInput.self, context: context)
        return try await apply(user: user, placement: p) {
            try PlacementChange.transition(action: input.action, on: input.on, reason: input.reason, today: today)
        }
    }

    @Sendable func hours(_ request: Request, context: AppRequestContext) async throws -> PlacementJSON {
        let (user, p) = try await placement(context)
        let input = try await request.decode(as: HoursInput.self, context: context)
        return try await apply(user: user, placement: p) {
            try PlacementChange.hours(workedOn: input.workedOn, minutes: input.minutes, today: today)
        }
    }

    func apply(user: SignedInUser, placement: PlacementRecord, _ read: () throws -> PlacementChange) async throws -> PlacementJSON {
        do {
            _ = try await read().apply(to: placement, by: user, pool: deps.pool)
        } catch let refused as PlacementChangeRefused {
            switch refused {
            case .notFound: throw HTTPError(.notFound, message: refused.message)
            case .forbidden(let m): throw HTTPError(.forbidden, message: m)
            case .notAllowed(let m): throw HTTPError(.conflict, message: m)
            case .invalid(let field, let m):
                throw HTTPError(.unprocessableContent, message: "$.\(Self.jsonName(field)): \(m)")
            }
        }
        guard let updated = try await PlacementBook(pool: deps.pool).find(id: placement.id, scope: user.placementScope) else {
            throw HTTPError(.notFound, message: "No placement with this id in your scope.")
        }
        return Self.json(updated, for: user)
    }

    static func jsonName(_ field: String) -> String { field == "worked_on" ? "workedOn" : field }
}
