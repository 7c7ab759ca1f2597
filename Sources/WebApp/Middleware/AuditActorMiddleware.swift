import Hummingbird
import Store

/// Makes the signed-in user the author of every change the request makes: repositories stamp
/// `AuditActor.current` on their transactions, and the database's audit triggers record it.
public struct AuditActorMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let user = context.identity else { return try await next(request, context) }
        return try await AuditActor.$current.withValue(AuditActor(userID: user.id, name: user.email)) {
            try await next(request, context)
        }
    }
}
