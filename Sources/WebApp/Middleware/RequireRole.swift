import Hummingbird
import Store

/// Lets a request through only when a user is signed in (else 401, which becomes the sign-in
/// page) and has one of the given roles (else 403).
public struct RequireRole: RouterMiddleware {
    public typealias Context = AppRequestContext
    let roles: [UserRole]

    /// Allows `roles`; with none given, any signed-in user.
    public init(_ roles: UserRole...) { self.roles = roles }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let user = try context.requireUser()
        if !roles.isEmpty && !user.isOne(of: roles) {
            throw HTTPError(.forbidden)
        }
        return try await next(request, context)
    }
}
