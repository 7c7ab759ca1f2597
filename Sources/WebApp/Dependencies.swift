import Database
import Foundation
import Reports
import Store

/// What the controllers need, built once by ``buildApplication(configuration:pool:logger:)``.
public struct Dependencies: Sendable {
    public var configuration: WebAppConfiguration
    public var pool: DatabasePool
    public var pages: PageRenderer
    public var accounts: UserAccountStore
    public var sessionStorage: PostgresPersistDriver
    public var loginAttempts: LoginAttemptStore
    public var tokens: APITokenStore
    public var hasher: PasswordHasher
    public var metrics: RequestMetrics
    /// The email templates (guardian notices sent from the web app), loaded once.
    public var reportTemplates: ReportTemplates

    public init(configuration: WebAppConfiguration, pool: DatabasePool, pages: PageRenderer, reportTemplates: ReportTemplates) {
        self.configuration = configuration
        self.pool = pool
        self.pages = pages
        self.reportTemplates = reportTemplates
        accounts = UserAccountStore(pool: pool)
        sessionStorage = PostgresPersistDriver(records: SessionRecordStore(pool: pool), defaultExpiry: configuration.sessionLifetime)
        loginAttempts = LoginAttemptStore(pool: pool)
        tokens = APITokenStore(pool: pool)
        hasher = PasswordHasher(cost: configuration.bcryptCost)
        metrics = RequestMetrics()
    }
}

extension Dependencies {
    /// Today's date in the consortium's time zone (the guardians' `TZ` setting): the day placements,
    /// approvals, guardian links and reports count from.
    var today: CalendarDate {
        CalendarDate(Date(), in: TimeZone(identifier: configuration.guardians.timeZone) ?? .current)
    }
}
