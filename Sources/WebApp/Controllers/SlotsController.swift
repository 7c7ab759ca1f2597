import Database
import Foundation
import Hummingbird
import Store

/// EDC staff's (their EDC) and coordinators' slot pages: list, create, edit, withdraw/offer again.
struct SlotsController {
    let deps: Dependencies
    var catalog: SlotCatalog { SlotCatalog(pool: deps.pool) }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("slots", use: list)
        router.get("slots/new", use: new)
        router.post("slots", use: create)
        router.get("slots/:id", use: edit)
        router.post("slots/:id", use: update)
        router.post("slots/:id/active", use: setActive)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let search = request.search
        let slots = try await catalog.list(scope: user.slotScope, search: search)
        let rows: [[String: Any]] = slots.map { s in
            ["id": s.id, "title": s.title, "externalID": s.externalID, "employer": s.employerName,
             "kind": Vocabulary.label(s.kind, in: Vocabulary.slotKinds), "capacity": s.capacity,
             "reserved": s.reservedSeats, "active": s.active, "dates": "\(s.startDate) – \(s.endDate)"]
        }
        return try deps.pages.page("slots", title: "Slots", context: context, data: ["q": search, "slots": rows, "none": rows.isEmpty])
    }

    @Sendable func new(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let draft = SlotDraft(employerID: 0, siteID: nil, externalID: "", title: "", kind: "internship", programOfStudy: "information_technology",
                              capacity: 1, reservedSeats: 0, startDate: "", endDate: "", schedule: "", minimumAge: nil, virtual: false)
        return try await form(draft, id: nil, errors: [], user: user, context: context)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        guard let slot = try await catalog.find(id: try context.id(), scope: user.slotScope) else { throw HTTPError(.notFound) }
        let draft = SlotDraft(employerID: slot.employerID, siteID: slot.siteID, externalID: slot.externalID, title: slot.title, kind: slot.kind,
                              programOfStudy: slot.programOfStudy, capacity: slot.capacity, reservedSeats: slot.reservedSeats,
                              startDate: slot.startDate, endDate: slot.endDate, schedule: slot.schedule, minimumAge: slot.minimumAge, virtual: slot.virtual)
        return try await form(draft, id: slot.id, active: slot.active, errors: [], user: user, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let (draft, errors) = SlotForm.read(try await request.form(context: context))
        if errors.isEmpty {
            do {
                if let id = try await catalog.create(draft, scope: user.slotScope) {
                    context.flash("Slot “\(draft.title)” added.")
                    return .redirect(to: "/slots/\(id)")
                }
                return try await form(draft, id: nil, errors: [FieldError(field: "Employer", message: "choose one of your employers (and one of its sites)")],
                                      user: user, context: context, status: .unprocessableContent).response(from: request, context: context)
            } catch let error as DatabaseError {
                return try await form(draft, id: nil, errors: [SlotForm.explain(error)], user: user, context: context,
                                      status: .unprocessableContent).response(from: request, context: context)
            }
        }
        return try await form(draft, id: nil, errors: errors, user: user, context: context, status: .unprocessableContent)
            .response(from: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.id()
        guard try await catalog.find(id: id, scope: user.slotScope) != nil else { throw HTTPError(.notFound) }
        let (draft, errors) = SlotForm.read(try await request.form(context: context))
        var problems = errors
        if problems.isEmpty {
            do {
                if try await catalog.update(id: id, draft, scope: user.slotScope) {
                    context.flash("Slot “\(draft.title)” saved.")
                    return .redirect(to: "/slots/\(id)")
                }
                problems = [FieldError(field: "Employer", message: "choose one of your employers (and one of its sites)")]
            } catch let error as DatabaseError {
                problems = [SlotForm.explain(error)]
            }
        }
        return try await form(draft, id: id, errors: problems, user: user, context: context, status: .unprocessableContent)
            .response(from: request, context: context)
    }

    @Sendable func setActive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.id()
        let active = try await request.form(context: context)["active"] == "1"
        guard try await catalog.setActive(id: id, active, scope: user.slotScope) else { throw HTTPError(.notFound) }
        context.flash(active ? "The slot is offered again." : "The slot is withdrawn: students can no longer choose it.")
        return .redirect(to: "/slots/\(id)")
    }

    func form(_ draft: SlotDraft, id: Int64?, active: Bool = true, errors: [FieldError], user: SignedInUser, context: AppRequestContext,
              status: HTTPResponse.Status = .ok) async throws -> HTML {
        let employers = try await catalog.employers(scope: user.slotScope)
        var sites: [[String: Any]] = [["value": "", "label": "— (virtual)", "selected": draft.siteID == nil]]
        for e in employers {
            for site in e.sites {
                sites.append(["value": site.id, "label": "\(e.name): \(site.name)", "selected": site.id == draft.siteID])
            }
        }
        var data: [String: Any] = [
            "hasErrors": !errors.isEmpty, "errors": errors.map { ["field": $0.field, "message": $0.message] },
            "action": id.map { "/slots/\($0)" } ?? "/slots", "isNew": id == nil, "active": active,
            "employers": employers.map { ["value": $0.id, "label": $0.name, "selected": $0.id == draft.employerID] },
            "sites": sites, "externalID": draft.externalID, "title": draft.title,
            "kinds": Vocabulary.options(Vocabulary.slotKinds, selected: draft.kind),
            "programs": Vocabulary.options(Vocabulary.programs, selected: draft.programOfStudy),
            "capacity": draft.capacity, "reserved": draft.reservedSeats, "startDate": draft.startDate, "endDate": draft.endDate,
            "schedule": draft.schedule, "minimumAge": draft.minimumAge.map(String.init) ?? "", "virtual": draft.virtual,
            "noEmployers": employers.isEmpty,
        ]
        if let id { data["slotID"] = id }
        return try deps.pages.page("slot_form", title: id == nil ? "New slot" : draft.title, context: context, data: data, status: status)
    }
}

/// Reads and checks the slot form; every problem names its field.
enum SlotForm {
    static func read(_ form: FormFields) -> (SlotDraft, [FieldError]) {
        var errors: [FieldError] = []
        func text(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespaces) }
        func int(_ name: String, _ label: String, _ range: ClosedRange<Int>) -> Int {
            if let v = Int(text(name)), range.contains(v) { return v }
            errors.append(FieldError(field: label, message: "'\(text(name))' is not a whole number from \(range.lowerBound) to \(range.upperBound)"))
            return range.lowerBound
        }
        let employer = Int64(text("employer_id")) ?? 0
        if employer == 0 { errors.append(FieldError(field: "Employer", message: "choose an employer")) }
        let site = Int64(text("site_id"))
        let virtual = form["virtual"] != nil
        if site == nil && !virtual { errors.append(FieldError(field: "Site", message: "choose a site, or tick Virtual")) }
        let externalID = text("external_id")
        if externalID.isEmpty || externalID.count > 64 { errors.append(FieldError(field: "Slot code", message: "give a code of 1–64 characters, unique in your EDC")) }
        let title = text("title")
        if title.isEmpty { errors.append(FieldError(field: "Title", message: "give the slot a title")) }
        let kind = text("kind")
        if !Vocabulary.slotKinds.contains(where: { $0.0 == kind }) { errors.append(FieldError(field: "Kind", message: "choose a kind")) }
        let program = text("program_of_study")
        if !Vocabulary.programs.contains(where: { $0.0 == program }) { errors.append(FieldError(field: "Program of study", message: "choose a program")) }
        let capacity = int("capacity", "Capacity", 0...10_000)
        let reserved = int("reserved_seats", "Reserved seats", 0...10_000)
        if reserved > capacity { errors.append(FieldError(field: "Reserved seats", message: "cannot exceed the capacity (\(capacity))")) }
        let start = text("start_date"), end = text("end_date")
        if !StudentFactsForm.isDate(start) { errors.append(FieldError(field: "Start date", message: "'\(start)' is not a date like 2027-01-15")) }
        if !StudentFactsForm.isDate(end) { errors.append(FieldError(field: "End date", message: "'\(end)' is not a date like 2027-05-20")) }
        if StudentFactsForm.isDate(start) && StudentFactsForm.isDate(end) && end < start {
            errors.append(FieldError(field: "End date", message: "is before the start date"))
        }
        var minimumAge: Int?
        if !text("minimum_age").isEmpty { minimumAge = int("minimum_age", "Minimum age", 0...25) }
        let draft = SlotDraft(employerID: employer, siteID: virtual ? nil : site, externalID: externalID, title: title, kind: kind,
                              programOfStudy: program, capacity: capacity, reservedSeats: reserved, startDate: start, endDate: end,
                              schedule: text("schedule"), minimumAge: minimumAge, virtual: virtual)
        return (draft, errors)
    }

    /// A constraint violation in words (never the SQL text).
    static func explain(_ error: DatabaseError) -> FieldError {
        if error.isUniqueViolation { return FieldError(field: "Slot code", message: "another slot of your EDC has this code") }
        if error.isCheckViolation { return FieldError(field: "Slot", message: "a value is out of range (capacity, reserved seats, dates or minimum age)") }
        if error.isForeignKeyViolation { return FieldError(field: "Employer", message: "the employer or site does not exist") }
        return FieldError(field: "Slot", message: "could not be saved; please try again")
    }
}
