import Database
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import WebApp

/// A fresh migrated database with ``Seed``'s rows and the web app over it (bcrypt cost 4),
/// tested through its router (no socket) — real PostgreSQL, no mocks.
enum WebFixture {
    static func with(
        configuration: WebAppConfiguration = WebAppConfiguration(bcryptCost: 4),
        _ body: @escaping @Sendable (Seed, DatabasePool, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.insert(db.pool)
            var logger = Logger(label: "webapp-tests")
            logger.logLevel = .warning
            let app = try await buildApplication(configuration: configuration, pool: db.pool, logger: logger)
            let pool = db.pool
            try await app.test(.router) { client in try await body(seed, pool, client) }
        }
    }
}
