import Hummingbird
import Store

/// The JSON API under `/api/v1` for school information systems (bearer tokens; see
/// `Assets/openapi.yaml`). Every route applies the same scope as the pages.
struct APIController {
    let deps: Dependencies

    struct Me: ResponseEncodable {
        var id: Int64
        var email: String
        var name: String
        var role: String
        var organizationId: Int64?
    }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("me", use: me)
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> Me {
        let user = try context.requireUser()
        return Me(id: user.id, email: user.email, name: user.name, role: user.role.rawValue, organizationId: user.organizationID)
    }
}
