import Hummingbird

/// Rejects every state-changing request (POST, PUT, PATCH, DELETE) to the HTML pages unless it
/// carries the session's CSRF token, as the `_csrf` form field or the `X-CSRF-Token` header.
///
/// Hummingbird has no CSRF protection of its own. The token lives in the session (one per
/// session, renewed at sign-in with the session id), so a page from another site cannot know it.
/// `/api/` routes are exempt: they authenticate with bearer tokens, never with cookies.
public struct CSRFMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    /// The form field that carries the token.
    public static let field = "_csrf"

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        switch request.method {
        case .get, .head, .options:
            return try await next(request, context)
        default:
            break
        }
        if request.uri.path.hasPrefix("/api/") { return try await next(request, context) }
        guard let expected = context.sessions.session?.csrfToken else {
            throw HTTPError(.forbidden, message: "This form has expired (no session). Reload the page and try again.")
        }
        var request = request
        var context = context
        var sent = request.headers[.csrfToken]
        if sent == nil, let form = context.urlEncodedForm {
            sent = form[Self.field]   // parsed already (ChoiceOrderShortcut passed the request on)
        } else if sent == nil, request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            context.urlEncodedForm = FormFields(String(buffer: body))
            sent = context.urlEncodedForm?[Self.field]
        } else if sent == nil, let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            context.multipartForm = MultipartForm(contentType: type, body: Array(buffer: body))
            sent = context.multipartForm?.text(Self.field)
        }
        guard let sent, SecureToken.equal(sent, expected) else {
            throw HTTPError(.forbidden, message: "This form has expired or came from another site. Reload the page and try again.")
        }
        return try await next(request, context)
    }
}

extension HTTPFields.Element.Name {
    /// `X-CSRF-Token`, for requests sent by the page's own JavaScript.
    static let csrfToken = Self("X-CSRF-Token")!
}
