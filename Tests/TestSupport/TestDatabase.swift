import Database
import Foundation
import Migrations

/// A fresh, uniquely named database on the PostgreSQL server of `DATABASE_URL`, dropped afterwards,
/// so suites and tests run in parallel without seeing each other's rows.
///
/// ```swift
/// @Test func storesAStudent() async throws {
///     try await TestDatabase.with { db in
///         try await db.pool.execute("INSERT INTO ...", [...])
///     }
/// }
/// ```
/// Without `DATABASE_URL`, or when the server cannot be reached, it throws (the test fails; it never skips).
public struct TestDatabase: Sendable {
    /// The database's name (`wblmatch_test_…`).
    public let name: String
    /// A connection string for the database (libpq key=value form).
    public let url: String
    /// A pool over the database.
    public let pool: DatabasePool

    /// The server's URL from `DATABASE_URL`, or an error saying how to get one.
    public static func serverURL(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let url = environment["DATABASE_URL"], !url.isEmpty else {
            throw DatabaseError(kind: .connection,
                                message: "DATABASE_URL is not set: the database tests need a real PostgreSQL",
                                hint: "run scripts/test, or `export DATABASE_URL=$(scripts/pg start)` before swift test")
        }
        return url
    }

    /// Creates the database, applies `migrations` (all of sql/ by default; pass `[]` for an empty one)
    /// and opens a pool of `poolSize`. Call `drop()` when done, or use `with`.
    public static func create(migrations: [Migration] = EmbeddedMigrations.all, poolSize: Int = 4) async throws -> TestDatabase {
        let serverURL = try serverURL()
        let name = "wblmatch_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        let admin: Connection
        do {
            admin = try await Connection.connect(url: serverURL)
        } catch let error as DatabaseError {
            throw DatabaseError(kind: .connection,
                                message: "cannot reach the PostgreSQL of DATABASE_URL for the tests: \(error.message)",
                                hint: "start it with `export DATABASE_URL=$(scripts/pg start)` (or run scripts/test)")
        }
        // CREATE DATABASE takes no parameters; the name is ours (hex digits), never input.
        try await admin.executeScript("CREATE DATABASE \(name)")
        await admin.close()
        let url = try ConnectionString.replacingDatabase(in: serverURL, with: name)
        let database = TestDatabase(name: name, url: url, pool: DatabasePool(url: url, size: poolSize))
        if !migrations.isEmpty {
            do { try await Migrator(pool: database.pool, migrations: migrations).migrate() } catch {
                await database.drop()
                throw error
            }
        }
        return database
    }

    /// Closes the pool and drops the database (forcing out any connection still open).
    public func drop() async {
        await pool.close()
        guard let serverURL = try? Self.serverURL(), let admin = try? await Connection.connect(url: serverURL) else { return }
        try? await admin.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        await admin.close()
    }

    /// Runs `body` with a fresh database and drops it afterwards, also when `body` throws.
    public static func with<T>(
        migrations: [Migration] = EmbeddedMigrations.all, poolSize: Int = 4,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (TestDatabase) async throws -> T
    ) async throws -> T {
        let database = try await create(migrations: migrations, poolSize: poolSize)
        do {
            let value = try await body(database)
            await database.drop()
            return value
        } catch {
            await database.drop()
            throw error
        }
    }
}
