import Hummingbird
import Store

/// `GET /`: what needs doing, for the signed-in user's role.
struct DashboardController {
    let deps: Dependencies

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/", use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let todo = try await DashboardItems(deps: deps).items(for: user)
        return try deps.pages.page("dashboard", title: "Dashboard", context: context, data: ["todo": todo])
    }
}
