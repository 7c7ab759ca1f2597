import Database
import Foundation
import Hummingbird
import Store

/// The guardian's consent page, reached from the emailed link with no account: it shows one
/// student's choices (the request's student; the token is the only key) and records consent or
/// a decline with the signer's name and the date. Plain HTML forms: no JavaScript needed.
struct GuardianController {
    let deps: Dependencies
    var store: GuardianConsentStore { GuardianConsentStore(pool: deps.pool, timeZone: deps.configuration.guardians.timeZone) }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("guardian/consent/:token", use: show)
        router.post("guardian/consent/:token", use: answer)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let token = context.parameters.get("token") ?? ""
        let asked = request.uri.queryParameters.get("lang")
        switch try await store.open(token: token) {
        case .open(let page):
            return try render(page, token: token, lang: GuardianText.language(asked ?? page.language), error: nil, context: context)
        case .used(let language): return try message("used", GuardianText.language(asked ?? language), status: .gone)
        case .expired(let language): return try message("expired", GuardianText.language(asked ?? language), status: .gone)
        case .unknown: return try message("unknown", "en", status: .notFound)
        }
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let token = context.parameters.get("token") ?? ""
        let form = try await request.form(context: context)
        let lang = GuardianText.language(form["lang"])
        let signer = (form["signer_name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let decision = form["decision"].flatMap(ConsentDecision.init(rawValue:))
        if signer.isEmpty || decision == nil {
            // Show the page again with the problem, if the link is still live.
            guard case .open(let page) = try await store.open(token: token) else { return try await show(request, context: context) }
            return try render(page, token: token, lang: lang, error: signer.isEmpty ? GuardianText.nameMissing(lang) : GuardianText.decisionMissing(lang),
                              context: context, status: .unprocessableContent)
        }
        switch try await store.answer(token: token, decision: decision!, signerName: signer) {
        case .recorded(let decision, let signedOn): return try message(decision.rawValue, lang, name: signer, date: signedOn)
        case .alreadyUsed: return try message("used", lang, status: .gone)
        case .expired: return try message("expired", lang, status: .gone)
        case .unknown, .nameMissing: return try message("unknown", "en", status: .notFound)
        }
    }

    func render(_ page: ConsentPage, token: String, lang: String, error: String?, context: AppRequestContext,
                status: HTTPResponse.Status = .ok) throws -> HTML {
        var data: [String: Any] = [
            "token": token, "csrf": context.csrfToken(), "studentFirstName": page.studentFirstName, "studentLastName": page.studentLastName,
            "guardianName": page.guardianName, "transport": GuardianText.transport(page.transport, lang),
            "needsRide": page.transport == "none", "today": today(), "hasChoices": !page.choices.isEmpty,
            "choices": page.choices.map { c -> [String: Any] in
                ["rank": c.rank, "title": c.title, "kind": GuardianText.slotKind(c.kind, lang), "employer": c.employer, "virtual": c.virtual,
                 "site": c.site, "address": c.address, "county": c.county, "schedule": c.schedule, "startDate": c.startDate, "endDate": c.endDate]
            },
        ]
        if let error { data["error"] = error }
        return HTML(try deps.pages.render("guardian_consent_\(lang)", data), status: status)
    }

    func message(_ kind: String, _ lang: String, name: String = "", date: String = "", status: HTTPResponse.Status = .ok) throws -> HTML {
        let text = GuardianText.message(kind, lang, name: name, date: date)
        return HTML(try deps.pages.render("guardian_message", ["lang": lang, "title": text.title, "paragraphs": text.paragraphs]), status: status)
    }

    func today() -> String {
        deps.today.description
    }
}
