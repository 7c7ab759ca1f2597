import Database
import Hummingbird
import Intake
import Store

/// Employers (their own slots), EDC staff on their behalf (their EDC's slots) and coordinators rank
/// the applicants of a slot in tiers. Saving builds a rankings table and goes through the same
/// validator and importer as `wblmatch import rankings`. The page shows applicants' names, schools
/// and choice ranks only: never whether a student is referred.
struct RankingsController {
    let deps: Dependencies
    var book: RankingBook { RankingBook(pool: deps.pool) }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("rankings", use: list)
        router.get("rankings/:id", use: show)
        router.post("rankings/:id", use: save)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        guard let round = try await book.currentRound() else {
            return try deps.pages.page("rankings", title: "Rank applicants", context: context, data: ["noRound": true])
        }
        let slots = try await book.slots(scope: user.rankingScope, roundID: round.id)
        let rows: [[String: Any]] = slots.map { s in
            ["id": s.slot.id, "title": s.slot.title, "externalID": s.slot.externalID, "employer": s.slot.employerName,
             "applicants": s.applicants, "ranked": s.ranked, "waiting": s.applicants > 0 && s.ranked == 0]
        }
        return try deps.pages.page("rankings", title: "Rank applicants", context: context, data: [
            "round": round.name, "frozen": round.isFinal, "slots": rows, "none": rows.isEmpty,
        ])
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        guard let slot = try await book.slot(id: try context.id(), scope: user.rankingScope) else { throw HTTPError(.notFound) }
        return try await render(slot: slot, entered: nil, errors: [], context: context)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard let slot = try await book.slot(id: try context.id(), scope: user.rankingScope) else { throw HTTPError(.notFound) }
        let form = try await request.form(context: context)
        guard let round = try await book.currentRound() else { throw HTTPError(.conflict, message: "There is no round to rank applicants for yet.") }
        if round.isFinal { throw HTTPError(.conflict, message: Self.frozenMessage(round)) }
        let applicants = try await book.applicants(slotID: slot.id, roundID: round.id)
        // Only the tiers of this slot's applicants are read: a forged field for another student is ignored.
        var entered: [Int64: String] = [:]
        var rows: [CSVRow] = []
        var names: [Int: String] = [:]
        for a in applicants {
            let text = (form["tier_\(a.studentID)"] ?? "").trimmingCharacters(in: .whitespaces)
            entered[a.studentID] = text
            if text.isEmpty { continue }
            rows.append(CSVRow(line: rows.count + 1, fields: [slot.edcCode, slot.externalID, text, a.schoolCode, a.externalID]))
            names[rows.count] = "\(a.firstName) \(a.lastName)"
        }
        let ranked = rows.count
        for kept in try await book.rankedNonApplicants(slotID: slot.id, roundID: round.id) {
            rows.append(CSVRow(line: rows.count + 1, fields: [slot.edcCode, slot.externalID, String(kept.tier), kept.schoolCode, kept.externalID]))
            names[rows.count] = "a student who no longer lists this slot (\(kept.schoolCode) \(kept.externalID))"
        }
        do {
            if rows.isEmpty {
                try await book.clear(slotID: slot.id, roundID: round.id)
            } else {
                let table = CSVTable(fileName: "ranking form", header: ["edc", "slot_id", "tier", "school", "student_id"], rows: rows)
                let batch = try IntakeValidator().validate(table, kind: .rankings)
                let acting = try await UserRepository(pool: deps.pool).actingUser(email: user.email)
                _ = try await IntakeImporter(pool: deps.pool).run(batch, as: acting, options: ImportOptions(round: round.name))
            }
        } catch let problems as IntakeProblems {
            let errors = problems.problems.map { p in
                FieldError(field: names[p.line].map { "Tier of \($0)" } ?? "Ranking", message: p.message)
            }
            return try await render(slot: slot, entered: entered, errors: errors, context: context, status: .unprocessableContent)
                .response(from: request, context: context)
        } catch let error as DatabaseError where error.isCheckViolation {
            // The round turned final between reading it and saving (the freeze trigger).
            throw HTTPError(.conflict, message: Self.frozenMessage(round))
        }
        context.flash(ranked == 0 ? "Ranking cleared: the default priority and the lottery will order this slot's applicants."
                                  : "Ranking saved: \(ranked) of \(applicants.count) applicants ranked.")
        return .redirect(to: "/rankings/\(slot.id)")
    }

    static func frozenMessage(_ round: RankingRound) -> String {
        "The round “\(round.name)” is final: its match was published, so its rankings can no longer change."
    }

    func render(slot: RankedSlot, entered: [Int64: String]?, errors: [FieldError], context: AppRequestContext,
                status: HTTPResponse.Status = .ok) async throws -> HTML {
        var data: [String: Any] = [
            "slotID": slot.id, "title": slot.title, "externalID": slot.externalID, "employer": slot.employerName, "capacity": slot.capacity == 1 ? "1 seat" : "\(slot.capacity) seats",
            "hasErrors": !errors.isEmpty, "errors": errors.map { ["field": $0.field, "message": $0.message] },
        ]
        guard let round = try await book.currentRound() else {
            data["noRound"] = true
            return try deps.pages.page("ranking", title: "Rank: \(slot.title)", context: context, data: data, status: status)
        }
        let applicants = try await book.applicants(slotID: slot.id, roundID: round.id)
        data["round"] = round.name
        data["frozen"] = round.isFinal
        data["frozenMessage"] = Self.frozenMessage(round)
        data["editable"] = !round.isFinal && !applicants.isEmpty
        data["none"] = applicants.isEmpty
        data["applicants"] = applicants.map { a -> [String: Any] in
            ["id": a.studentID, "name": "\(a.firstName) \(a.lastName)", "school": a.schoolName,
             "choice": a.choiceRank, "tier": entered?[a.studentID] ?? a.tier.map(String.init) ?? "",
             "editable": !round.isFinal]
        }
        return try deps.pages.page("ranking", title: "Rank: \(slot.title)", context: context, data: data, status: status)
    }
}
