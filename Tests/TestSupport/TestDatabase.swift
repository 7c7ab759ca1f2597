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
    ///
    /// Migrated databases are copies of a template (`wblmatch_tpl_…`, one per set of migrations,
    /// built once per server under an advisory lock): copying takes a fraction of applying every file.
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
        do {
            // CREATE DATABASE takes no parameters; the names are ours (hex digits), never input.
            if migrations.isEmpty {
                try await admin.executeScript("CREATE DATABASE \(name)")
            } else {
                let template = try await ensureTemplate(for: migrations, admin: admin, serverURL: serverURL)
                try await admin.executeScript("CREATE DATABASE \(name) TEMPLATE \(template)")
            }
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
        let url = try ConnectionString.replacingDatabase(in: serverURL, with: name)
        return TestDatabase(name: name, url: url, pool: DatabasePool(url: url, size: poolSize))
    }

    /// The name of a database with exactly `migrations` applied, building it when missing.
    static func ensureTemplate(for migrations: [Migration], admin: Connection, serverURL: String) async throws -> String {
        let fingerprint = Migration(name: "", sql: migrations.sorted { $0.name < $1.name }
            .map { "\($0.name) \($0.checksum)" }.joined(separator: "\n")).checksum
        let template = "wblmatch_tpl_" + fingerprint.prefix(16)
        return try await admin.withAdvisoryLock(key: Connection.advisoryLockKey("wblmatch.test-template")) {
            let exists = try await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template])
            if !exists.isEmpty { return template }
            // Build under a temporary name and rename, so a failed build never leaves a half template.
            let building = "wblmatch_tplbuild_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            try await admin.executeScript("CREATE DATABASE \(building)")
            let pool = DatabasePool(url: try ConnectionString.replacingDatabase(in: serverURL, with: building), size: 1)
            do {
                try await Migrator(pool: pool, migrations: migrations).migrate()
                await pool.close()
            } catch {
                await pool.close()
                try? await admin.executeScript("DROP DATABASE IF EXISTS \(building) WITH (FORCE)")
                throw error
            }
            try await admin.executeScript("ALTER DATABASE \(building) RENAME TO \(template)")
            // Templates of earlier schema versions are of no further use.
            let stale = try await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'wblmatch\\_tpl\\_%' AND datname <> $1", [template])
            for row in stale {
                let old: String = try row.decode("datname")
                guard old.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) || $0 == 95 }) else { continue }
                try? await admin.executeScript("DROP DATABASE IF EXISTS \(old)")
            }
            return template
        }
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
