import Hummingbird
import Store

/// Saves the reorder script's new order in one statement that also checks the session, instead
/// of reading the session in one statement and saving in a second.
///
/// The choices page's drag-and-drop script posts the whole order on every drop
/// (`POST /students/:id/choices/order`, `X-Requested-With: fetch`). The usual chain (session,
/// CSRF, signed-in user, role, scope, audit actor) costs a statement of its own before the save;
/// here `choices_save_in_session` (sql/0054) makes the same checks inside the save. It only ever
/// answers the success: when it saves, the answer is the route's own (204). Anything else (no
/// session, a wrong token, a disabled user, another role or school, a list that changed, an
/// error) changed nothing, and the request goes on down the usual chain, which answers it
/// exactly as before. So this can only be stricter than the chain, never looser.
///
/// Sits in the pages chain before the session middleware; every other request passes through.
struct ChoiceOrderShortcut: RouterMiddleware {
    typealias Context = AppRequestContext
    static let route = "/students/{id}/choices/order"
    let book: ChoiceBook
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, context.endpointPath == Self.route, request.headers[.xRequestedWith] == "fetch",
              let session = request.cookies[SessionCookie.name]?.value,
              let studentID = context.parameters.get("id").flatMap({ Int64($0) }), studentID > 0,
              request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
        else { return try await next(request, context) }
        var request = request
        var context = context
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let form = FormFields(String(buffer: body))
        context.urlEncodedForm = form   // the usual chain reads the same fields, parsed once
        guard let token = request.headers[.csrfToken] ?? form[CSRFMiddleware.field] else { return try await next(request, context) }
        let slots = form.all("slot[]").compactMap { Int64($0) }
        let saved: Bool
        do {
            saved = try await book.saveOrderInSession(sessionKey: SessionCookie.keyPrefix + String(session), csrfToken: token,
                                                      studentID: studentID, slots: slots)
        } catch {
            // Nothing was written (one statement); the usual chain meets the same problem and answers it.
            context.logger.debug("choice order shortcut passed on: \(error)")
            saved = false
        }
        metrics.recordChoiceOrderShortcut(saved ? "saved" : "passed_on")
        return saved ? Response(status: .noContent) : try await next(request, context)
    }
}
