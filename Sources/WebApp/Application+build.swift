import Database
import Hummingbird
import HummingbirdAuth
import Logging
import Reports
import Store

/// Builds the web application: the router with its middleware and controllers, and the session
/// store as a service (so it shuts down with the app).
///
/// ```swift
/// let app = try await buildApplication(configuration: .init(port: 8080), pool: pool, logger: logger)
/// try await app.runService()
/// ```
public func buildApplication(configuration: WebAppConfiguration, pool: DatabasePool, logger: Logger) async throws -> some ApplicationProtocol {
    let deps = Dependencies(configuration: configuration, pool: pool, pages: try await PageRenderer.load(),
                            reportTemplates: try await ReportTemplates.bundled())
    let router = try buildRouter(deps)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "WBLMatch"),
        logger: logger
    )
    app.addServices(deps.sessionStorage)
    return app
}

/// The routes: public ones (sign-in, health, assets), then pages by role, then `/api/v1`.
public func buildRouter(_ deps: Dependencies) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        MetricsMiddleware(metrics: deps.metrics)
        SecurityHeadersMiddleware()
    }
    HealthController(deps: deps).addRoutes(to: router)
    try AssetsController.load().addRoutes(to: router)

    let api = router.group("api/v1").add(middleware: BearerTokenAuthenticator(tokens: deps.tokens))
    APIController(deps: deps).addRoutes(to: api.group().add(middleware: AuditActorMiddleware()))
    PlacementsAPIController(deps: deps).addRoutes(to: api.group().add(middleware: AuditActorMiddleware()))

    let pages = router.group()
        .add(middleware: LogRequestsMiddleware(.info))
        .add(middleware: ErrorPageMiddleware(pages: deps.pages))
        .add(middleware: ChoiceOrderShortcut(book: ChoiceBook(pool: deps.pool), metrics: deps.metrics))
        .add(middleware: SessionMiddleware(storage: deps.sessionStorage, configuration: .init(
            sessionCookieParameters: .init(name: SessionCookie.name, secure: deps.configuration.secureCookies, sameSite: .lax),
            keyPrefix: SessionCookie.keyPrefix,
            defaultSessionExpiration: deps.configuration.sessionLifetime
        )))
        .add(middleware: CSRFMiddleware())
        .add(middleware: SessionAuthenticator(context: AppRequestContext.self) { (session: WebSession, _) in
            // The session store read the account with the session; ask for it only when it did not.
            guard let id = session.userID else { return nil }
            var account = session.account.flatMap { $0.id == id ? $0 : nil }
            if account == nil { account = try await deps.accounts.find(id: id) }
            guard let account, !account.disabled else { return nil }
            return SignedInUser(account)
        })
        .add(middleware: AuditActorMiddleware())
    LoginController(deps: deps).addRoutes(to: pages)
    GuardianController(deps: deps).addRoutes(to: pages)   // no account: the link's token is the key

    let signedIn = pages.group().add(middleware: RequireRole())
    DashboardController(deps: deps).addRoutes(to: signedIn)

    let uploaders = pages.group().add(middleware: RequireRole(.coordinator, .edcStaff, .counselor, .caseWorker))
    ImportsController(deps: deps).addRoutes(to: uploaders)

    let schools = pages.group().add(middleware: RequireRole(.counselor, .coordinator))
    StudentsController(deps: deps).addRoutes(to: schools)
    ChoicesController(deps: deps).addRoutes(to: schools)
    ConsentRequestsController(deps: deps).addRoutes(to: schools)

    let edcs = pages.group().add(middleware: RequireRole(.edcStaff, .coordinator))
    SlotsController(deps: deps).addRoutes(to: edcs)

    let rankers = pages.group().add(middleware: RequireRole(.employer, .edcStaff, .coordinator))
    RankingsController(deps: deps).addRoutes(to: rankers)

    let placements = pages.group().add(middleware: RequireRole(.counselor, .coordinator, .edcStaff))
    PlacementsController(deps: deps).addRoutes(to: placements)

    let caseWorkers = pages.group().add(middleware: RequireRole(.caseWorker))
    ReferralsController(deps: deps).addRoutes(to: caseWorkers)
    ApprovalsController(deps: deps).addRoutes(to: caseWorkers)

    let coordinators = pages.group().add(middleware: RequireRole(.coordinator))
    RunsController(deps: deps).addRoutes(to: coordinators)
    GuardianNoticesController(deps: deps).addRoutes(to: coordinators)
    UsersController(deps: deps).addRoutes(to: coordinators)
    PolicyController(deps: deps).addRoutes(to: coordinators)
    AuditController(deps: deps).addRoutes(to: coordinators)
    ReportsController(deps: deps).addRoutes(to: coordinators)
    JobsController(deps: deps).addRoutes(to: coordinators)
    OutboxController(deps: deps).addRoutes(to: coordinators)
    return router
}
