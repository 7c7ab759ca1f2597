import Database
import Foundation
import Store

/// A change to a placement asked for by a form or the API, checked against the user's role before
/// it reaches ``PlacementLifecycle`` (which checks the stage it may start from and audits it).
///
/// Who may do what (DOMAIN.md: EDCs load slots and see who was placed with their employers):
/// counselors (their school's students) and coordinators record every stage and hours; EDC staff,
/// who hear from the employer at the site, may confirm the start and log hours for placements in
/// their EDC's slots — accepting, completing and withdrawing stay with the school.
enum PlacementChange: Sendable, Equatable {
    case accept(CalendarDate)
    case start(CalendarDate)
    case complete(CalendarDate)
    case withdraw(CalendarDate, reason: String)
    case hours(CalendarDate, minutes: Int)

    /// The actions' names in forms and JSON.
    static let transitions = ["accept", "start", "complete", "withdraw"]

    /// Reads a transition: `action` one of ``transitions``, `on` a date (default `today`), `reason`
    /// for a withdrawal. Errors name the field.
    static func transition(action: String, on: String?, reason: String?, today: CalendarDate) throws(PlacementChangeRefused) -> PlacementChange {
        let date = try date(on, field: "on", today: today)
        switch action {
        case "accept": return .accept(date)
        case "start": return .start(date)
        case "complete": return .complete(date)
        case "withdraw":
            let reason = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw .invalid(field: "reason", "say why the placement was withdrawn (the reason is empty)") }
            return .withdraw(date, reason: reason)
        default:
            throw .invalid(field: "action", "'\(action)' is not a step of a placement: use one of \(transitions.joined(separator: ", "))")
        }
    }

    /// Reads hours: `workedOn` a date (default `today`), `minutes` 1–1440.
    static func hours(workedOn: String?, minutes: Int?, today: CalendarDate) throws(PlacementChangeRefused) -> PlacementChange {
        let date = try date(workedOn, field: "worked_on", today: today)
        guard let minutes, (1...1440).contains(minutes) else {
            throw .invalid(field: "minutes", "\(minutes.map(String.init) ?? "nothing") is not a day's work: give between 1 and 1440 minutes (24 hours)")
        }
        return .hours(date, minutes: minutes)
    }

    static func date(_ text: String?, field: String, today: CalendarDate) throws(PlacementChangeRefused) -> CalendarDate {
        let text = (text ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return today }
        guard let date = CalendarDate(text) else { throw .invalid(field: field, "'\(text)' is not a date like 2027-02-01") }
        return date
    }

    var name: String {
        switch self {
        case .accept: "accept"
        case .start: "start"
        case .complete: "complete"
        case .withdraw: "withdraw"
        case .hours: "log hours"
        }
    }

    /// Whether `user`'s role may make this change (the row scope is checked before).
    func allowed(for user: SignedInUser) -> Bool {
        switch (user.role, self) {
        case (.counselor, _), (.coordinator, _): return true
        case (.edcStaff, .start), (.edcStaff, .hours): return true
        default: return false
        }
    }

    /// Applies the change to `placement` as `user`; returns the sentence to show.
    func apply(to placement: PlacementRecord, by user: SignedInUser, pool: DatabasePool) async throws -> String {
        guard allowed(for: user) else { throw PlacementChangeRefused.forbidden("A \(user.role.rawValue) may not \(name) a placement.") }
        let entitled = user.role == .coordinator && user.canViewJuvenile
        // Only someone entitled to juvenile data confirms a placement that awaits a case worker's approval;
        // anyone else is told it is not confirmed yet, without the reason.
        if case .accept = self, placement.status == "pending_approval", !entitled {
            throw PlacementChangeRefused.notAllowed("This placement cannot be accepted yet: it awaits the coordinator's confirmation.")
        }
        let actor = AuditActor(userID: user.id, name: user.email)
        let lifecycle = PlacementLifecycle(pool: pool)
        do {
            switch self {
            case .accept(let d): try await lifecycle.accept(placement.id, on: d, by: actor); return "Placement accepted on \(d)."
            case .start(let d): try await lifecycle.start(placement.id, on: d, by: actor); return "Placement started on \(d)."
            case .complete(let d): try await lifecycle.complete(placement.id, on: d, by: actor); return "Placement completed on \(d)."
            case .withdraw(let d, let reason): try await lifecycle.withdraw(placement.id, on: d, reason: reason, by: actor); return "Placement withdrawn on \(d)."
            case .hours(let d, let minutes):
                let total = try await lifecycle.logHours(placement.id, workedOn: d, minutes: minutes, by: actor)
                return "Logged \(Self.hoursText(minutes)) on \(d); \(Self.hoursText(total)) in all."
            }
        } catch let error as PlacementTransitionError {
            switch error {
            case .notAllowed(let action, let status):
                let shown = status == "pending_approval" && !entitled ? "matched" : status
                if action == "completed", status == "started", let started = placement.startedOn {
                    throw PlacementChangeRefused.notAllowed("A placement cannot be completed before it started (\(started)).")
                }
                throw PlacementChangeRefused.notAllowed("A placement that is \(shown) cannot be \(action)" + Self.hint(status: shown))
            case .notFound: throw PlacementChangeRefused.notFound
            case .reasonMissing: throw PlacementChangeRefused.invalid(field: "reason", error.description)
            case .badMinutes: throw PlacementChangeRefused.invalid(field: "minutes", error.description)
            }
        }
    }

    static func hint(status: String) -> String {
        switch status {
        case "matched", "pending_approval": ": accept it first."
        case "accepted": ": start it first."
        case "started": "."
        case "completed", "withdrawn": ": it is closed."
        default: "."
        }
    }

    /// `90` → `1 h 30 min`.
    static func hoursText(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return h == 0 ? "\(m) min" : (m == 0 ? "\(h) h" : "\(h) h \(m) min")
    }
}
