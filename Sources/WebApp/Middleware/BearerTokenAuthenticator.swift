import Hummingbird
import HummingbirdAuth
import Store

/// Authenticates `/api/v1` requests by `Authorization: Bearer <token>`; without a valid token of
/// an enabled user, answers 401 (JSON). Cookies are never read here, so the API needs no CSRF token.
public struct BearerTokenAuthenticator: RouterMiddleware {
    public typealias Context = AppRequestContext
    let tokens: APITokenStore

    public init(tokens: APITokenStore) { self.tokens = tokens }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let bearer = request.headers.bearer, !bearer.token.isEmpty,
              let account = try await tokens.user(forToken: bearer.token) else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"wblmatch\""],
                            message: "Send a valid API token as `Authorization: Bearer <token>`; a coordinator can make one.")
        }
        var context = context
        context.identity = SignedInUser(account)
        return try await next(request, context)
    }
}
