import Foundation
import Hummingbird
import Placement
import Store

/// Coordinators' policy page: the eligibility policy in force (the newest version in `policies`,
/// which every match run reads; the built-in default until one is saved), a JSON editor that
/// saves a new version only when `EligibilityPolicy.load` accepts it (every problem named by its
/// JSON path), and each round's max choices and choice deadline.
struct PolicyController {
    let deps: Dependencies
    var book: PolicyBook { PolicyBook(pool: deps.pool) }
    var timeZone: String { deps.configuration.guardians.timeZone }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("policy", use: show)
        router.post("policy", use: savePolicy)
        router.post("policy/rounds/:id", use: saveRound)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await render(context: context)
    }

    @Sendable func savePolicy(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await request.form(context: context)
        let json = form["policy"] ?? ""
        let comment = (form["comment"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let policy = try EligibilityPolicy.load(json: json, source: "in the form")
            let version = try await book.savePolicy(json: try policy.jsonText(), comment: comment, userID: user.id)
            context.flash("Policy version \(version) saved. The next match run uses it.")
            return .redirect(to: "/policy")
        } catch let error as PolicyError {
            let errors = error.issues.map { FieldError(field: $0.path.isEmpty ? "Policy" : $0.path, message: $0.message) }
            return try await render(context: context, policyText: json, comment: comment, policyErrors: errors, status: .unprocessableContent)
                .response(from: request, context: context)
        }
    }

    @Sendable func saveRound(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let form = try await request.form(context: context)
        var errors: [FieldError] = []
        let maxText = (form["max_choices"] ?? "").trimmingCharacters(in: .whitespaces)
        let maxChoices = Int(maxText) ?? 0
        if !(1...100).contains(maxChoices) {
            errors.append(FieldError(field: "Max choices", message: "'\(maxText)' is not a whole number from 1 to 100"))
        }
        let deadlineText = (form["choice_deadline"] ?? "").trimmingCharacters(in: .whitespaces)
        let deadline = deadlineText.isEmpty ? nil : Self.deadline(deadlineText)
        if !deadlineText.isEmpty && deadline == nil {
            errors.append(FieldError(field: "Choice deadline", message: "'\(deadlineText)' is not a date and time like 2027-02-01 17:00 (or leave it empty)"))
        }
        if errors.isEmpty {
            do {
                try await book.updateRound(id: id, maxChoices: maxChoices, deadline: deadline, timeZone: timeZone)
                context.flash("Round settings saved.")
                return .redirect(to: "/policy")
            } catch let error as RoundSettingsError {
                if error == .noSuchRound { throw HTTPError(.notFound) }
                errors = [FieldError(field: error.field, message: error.description)]
            }
        }
        return try await render(context: context, roundErrors: errors, roundID: id, status: .unprocessableContent)
            .response(from: request, context: context)
    }

    /// `YYYY-MM-DD HH:MM` (or the `T` of a datetime-local input) → `YYYY-MM-DD HH:MM`, else nil.
    static func deadline(_ text: String) -> String? {
        let parts = text.replacingOccurrences(of: "T", with: " ").split(separator: " ")
        guard parts.count == 2, StudentFactsForm.isDate(String(parts[0])) else { return nil }
        let time = parts[1].split(separator: ":")
        guard time.count == 2, time[0].count == 2, time[1].count == 2, let h = Int(time[0]), let m = Int(time[1]),
              (0...23).contains(h), (0...59).contains(m) else { return nil }
        return "\(parts[0]) \(parts[1])"
    }

    func render(context: AppRequestContext, policyText: String? = nil, comment: String = "", policyErrors: [FieldError] = [],
                roundErrors: [FieldError] = [], roundID: Int64? = nil, status: HTTPResponse.Status = .ok) async throws -> HTML {
        let current = try await book.current()
        let text: String
        if let policyText { text = policyText } else if let current { text = Self.pretty(current.json) } else { text = try EligibilityPolicy.default.jsonText() }
        var data: [String: Any] = [
            "policy": text, "comment": comment, "timeZone": timeZone,
            "hasPolicyErrors": !policyErrors.isEmpty, "policyErrors": policyErrors.map { ["field": $0.field, "message": $0.message] },
        ]
        if let current {
            data["version"] = current.version
            data["versionComment"] = current.comment
            data["versionBy"] = current.createdBy ?? "system"
            data["versionAt"] = current.createdAt
        } else {
            data["builtIn"] = true
        }
        data["rounds"] = try await book.rounds(timeZone: timeZone).map { r -> [String: Any] in
            var row: [String: Any] = ["id": r.id, "name": r.name, "maxChoices": r.maxChoices, "deadline": r.deadline ?? "",
                                      "final": r.state == "final"]
            if r.longestList > 0 { row["longest"] = r.longestList }
            if r.id == roundID {
                row["hasErrors"] = !roundErrors.isEmpty
                row["errors"] = roundErrors.map { ["field": $0.field, "message": $0.message] }
            }
            return row
        }
        return try deps.pages.page("policy", title: "Policy and rounds", context: context, data: data, status: status)
    }

    /// jsonb text on one line → indented, keys sorted (as `policy/default-policy.json` is written).
    static func pretty(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return json }
        return String(decoding: data, as: UTF8.self)
    }
}
