import Foundation
import Hummingbird
import Store

/// A student's ranked choices in the open round: add from a searchable slot list, move up or
/// down, remove, or save a whole order (sent by the page's drag-and-drop script).
///
/// Every route first finds the student within the user's scope (404 otherwise), so a counselor
/// can never reach another school's student by changing the id.
struct ChoicesController {
    let deps: Dependencies
    var book: ChoiceBook { ChoiceBook(pool: deps.pool) }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("students/:id/choices", use: show)
        router.post("students/:id/choices/add", use: add)
        router.post("students/:id/choices/move", use: move)
        router.post("students/:id/choices/remove", use: remove)
        router.post("students/:id/choices/order", use: order)
    }

    /// The student in scope, the open round and her list in it (one query), or 404.
    func target(_ context: AppRequestContext) async throws -> ChoiceTarget {
        let user = try context.requireUser()
        guard let target = try await book.target(studentID: try context.id(), scope: user.studentScope) else {
            throw HTTPError(.notFound)
        }
        return target
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let target = try await self.target(context)
        return try await render(target.student, round: target.round, search: request.search, error: nil, context: context)
    }

    func render(_ student: StudentRecord, round: OpenRound?, search: String, error: String?, context: AppRequestContext,
                status: HTTPResponse.Status = .ok) async throws -> HTML {
        let s = student.summary
        var data: [String: Any] = ["studentID": s.id, "name": "\(s.firstName) \(s.lastName)", "q": search]
        if let error { data["error"] = error }
        guard let round else {
            data["noRound"] = true
            return try deps.pages.page("choices", title: "Choices", context: context, data: data, status: status)
        }
        let choices = try await book.choices(studentID: s.id, roundID: round.id)
        let listed = Set(choices.map(\.slotID))
        data["round"] = ["name": round.name, "max": round.maxChoices, "deadline": round.deadline ?? ""]
        data["choices"] = choices.enumerated().map { index, c -> [String: Any] in
            ["rank": c.rank, "slotID": c.slotID, "title": c.title, "employer": c.employerName,
             "kind": Vocabulary.label(c.kind, in: Vocabulary.slotKinds), "inactive": !c.active,
             "first": index == 0, "last": index == choices.count - 1]
        }
        data["hasChoices"] = !choices.isEmpty
        let full = choices.count >= round.maxChoices
        data["full"] = full
        let slots = try await SlotCatalog(pool: deps.pool).openSlots(search: search, limit: 100)
        data["slots"] = slots.filter { !listed.contains($0.id) }.map { slot -> [String: Any] in
            let problems = EligibilityAdvice.problems(student: student, slot: slot)
            return ["id": slot.id, "title": slot.title, "employer": slot.employerName,
                    "kind": Vocabulary.label(slot.kind, in: Vocabulary.slotKinds),
                    "program": Vocabulary.label(slot.programOfStudy, in: Vocabulary.programs),
                    "where": slot.virtual ? "Virtual" : (slot.county ?? ""), "schedule": slot.schedule,
                    "eligible": problems.isEmpty, "problems": problems.map { ["text": $0] }, "canAdd": !full]
        }
        data["noSlots"] = (data["slots"] as? [Any])?.isEmpty ?? true
        return try deps.pages.page("choices", title: "Choices of \(s.firstName) \(s.lastName)", context: context, data: data, status: status)
    }

    /// Applies a change to the list, then goes back to the page (or answers 204 to the script).
    /// Two queries in all: the target (student, round, list) and the save, which re-applies the
    /// change itself if the list changed since it was read.
    func change(_ request: Request, context: AppRequestContext, message: String,
                _ apply: @escaping @Sendable (FormFields, [Int64]) throws -> [Int64]) async throws -> Response {
        let target = try await self.target(context)
        let student = target.student
        guard let round = target.round else { throw HTTPError(.conflict, message: "No round is open for choices.") }
        let form = try await request.form(context: context)
        do {
            _ = try await book.update(studentID: student.summary.id, round: round, current: target.slotIDs) { try apply(form, $0) }
        } catch let error as ChoiceChangeError {
            return try await render(student, round: round, search: "", error: error.description, context: context, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        return saved(request, context: context, studentID: student.summary.id, message: message)
    }

    /// After a saved change: 204 to the page's script, or back to the page with `message`.
    func saved(_ request: Request, context: AppRequestContext, studentID: Int64, message: String) -> Response {
        if request.headers[.xRequestedWith] == "fetch" { return Response(status: .noContent) }
        context.flash(message)
        return .redirect(to: "/students/\(studentID)/choices")
    }

    static func slot(_ form: FormFields) throws -> Int64 {
        guard let text = form["slot"], let id = Int64(text) else { throw HTTPError(.badRequest, message: "The form did not say which slot.") }
        return id
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await change(request, context: context, message: "Choice added.") { form, list in
            let id = try Self.slot(form)
            if list.contains(id) { throw ChoiceChangeError.alreadyListed }
            return list + [id]
        }
    }

    @Sendable func move(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await change(request, context: context, message: "Order changed.") { form, list in
            let id = try Self.slot(form)
            guard let i = list.firstIndex(of: id) else { throw ChoiceChangeError.noSuchChoice }
            let j = form["direction"] == "up" ? i - 1 : i + 1
            guard list.indices.contains(j) else { return list }
            var list = list
            list.swapAt(i, j)
            return list
        }
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await change(request, context: context, message: "Choice removed.") { form, list in
            let id = try Self.slot(form)
            guard list.contains(id) else { throw ChoiceChangeError.noSuchChoice }
            return list.filter { $0 != id }
        }
    }

    /// The whole order at once (`slot[]` in rank order): must be the same slots as now. Saved in
    /// one round trip (the page's script sends one on every drop), with the same answers as the
    /// other changes: 404 out of scope, 409 without an open round, 422 with the page when the
    /// list changed meanwhile.
    @Sendable func order(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let studentID = try context.id()
        let form = try await request.form(context: context)
        let slots = form.all("slot[]").compactMap { Int64($0) }
        let outcome: SavedOrder
        do {
            outcome = try await book.saveOrder(studentID: studentID, scope: user.studentScope, slots: slots)
        } catch let error as ChoiceChangeError {
            let target = try await self.target(context)
            return try await render(target.student, round: target.round, search: "", error: error.description,
                                    context: context, status: .unprocessableContent).response(from: request, context: context)
        }
        switch outcome {
        case .notFound:
            throw HTTPError(.notFound)
        case .noOpenRound:
            throw HTTPError(.conflict, message: "No round is open for choices.")
        case .notSameSlots:
            let target = try await self.target(context)
            return try await render(target.student, round: target.round, search: "", error: ChoiceChangeError.noSuchChoice.description,
                                    context: context, status: .unprocessableContent).response(from: request, context: context)
        case .saved:
            return saved(request, context: context, studentID: studentID, message: "Order saved.")
        }
    }
}

extension HTTPFields.Element.Name {
    static let xRequestedWith = Self("X-Requested-With")!
}
