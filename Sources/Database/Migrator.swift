import Logging

/// Applies migrations to a database, in order, each in its own transaction, recording each one's
/// name and checksum in `schema_migrations`.
///
/// - An applied migration whose SQL has changed since is refused before anything runs: migrations
///   are append-only; put the change in a new file.
/// - Concurrent runs (two `wblmatch migrate`, or several servers starting) are safe: a run holds an
///   advisory lock, so the second waits and then finds nothing left to do.
/// ```swift
/// let applied = try await Migrator(pool: pool, migrations: EmbeddedMigrations.all).migrate()
/// ```
public struct Migrator: Sendable {
    /// The advisory lock key all migrators share.
    public static let lockKey = Connection.advisoryLockKey("wblmatch.schema_migrations")

    let pool: DatabasePool
    let migrations: [Migration]
    let logger: Logger

    /// Makes a migrator for `migrations` (sorted by name here).
    public init(pool: DatabasePool, migrations: [Migration], logger: Logger = Logger(label: "wblmatch.migrate")) {
        self.pool = pool
        self.migrations = migrations.sorted { $0.name < $1.name }
        self.logger = logger
    }

    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            name text PRIMARY KEY,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """
    static let selectApplied = "SELECT name, checksum, applied_at::text AS applied_at FROM schema_migrations ORDER BY name"
    static let insertApplied = "INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)"

    /// Applies every pending migration; returns the names applied (empty when the database was up to date).
    @discardableResult
    public func migrate() async throws -> [String] {
        try validateNames()
        return try await pool.withConnection { conn in
            try await conn.withAdvisoryLock(key: Self.lockKey) {
                try await conn.executeScript(Self.createTable)
                let statuses = try await status(on: conn)
                if let changed = statuses.first(where: { if case .changed = $0.state { true } else { false } }),
                   case .changed(let recorded) = changed.state {
                    let current = migrations.first { $0.name == changed.name }?.checksum ?? "?"
                    throw DatabaseError(
                        kind: .migration,
                        message: "sql/\(changed.name) was changed after it was applied (at \(changed.appliedAt ?? "?")): recorded checksum \(recorded.prefix(12))…, the file now has \(current.prefix(12))…; nothing was migrated",
                        hint: "migrations are append-only: restore sql/\(changed.name) as it was and put the change into a new file")
                }
                var applied: [String] = []
                for migration in migrations where statuses.contains(where: { $0.name == migration.name && $0.state == .pending }) {
                    logger.info("applying migration", metadata: ["migration": "\(migration.name)"])
                    do {
                        try await conn.withTransaction { conn in
                            try await conn.executeScript(migration.sql)
                            try await conn.execute(Self.insertApplied, [migration.name, migration.checksum])
                        }
                    } catch let error as DatabaseError {
                        var failure = error
                        failure.kind = .migration
                        failure.message = "sql/\(migration.name) failed and was rolled back: \(error.message)"
                        throw failure
                    }
                    applied.append(migration.name)
                }
                return applied
            }
        }
    }

    /// Every migration known to the binary or recorded in the database, in name order.
    public func status() async throws -> [MigrationStatus] {
        try await pool.withConnection { conn in
            let exists = try await conn.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
            guard try exists[0].decode("present", as: Bool.self) else {
                return migrations.map { MigrationStatus(name: $0.name, state: .pending, appliedAt: nil) }
            }
            return try await status(on: conn)
        }
    }

    private func status(on conn: Connection) async throws -> [MigrationStatus] {
        var recorded: [String: (checksum: String, at: String)] = [:]
        for row in try await conn.query(Self.selectApplied) {
            recorded[try row.decode("name")] = (try row.decode("checksum"), try row.decode("applied_at"))
        }
        var result: [MigrationStatus] = migrations.map { migration in
            guard let record = recorded[migration.name] else {
                return MigrationStatus(name: migration.name, state: .pending, appliedAt: nil)
            }
            let state: MigrationStatus.State = record.checksum == migration.checksum
                ? .applied : .changed(recordedChecksum: record.checksum)
            return MigrationStatus(name: migration.name, state: state, appliedAt: record.at)
        }
        let known = Set(migrations.map(\.name))
        for (name, record) in recorded where !known.contains(name) {
            result.append(MigrationStatus(name: name, state: .unknown, appliedAt: record.at))
        }
        return result.sorted { $0.name < $1.name }
    }

    private func validateNames() throws {
        var seen: [String: String] = [:]
        for migration in migrations {
            let number = String(migration.name.prefix { $0.isNumber })
            guard !number.isEmpty else {
                throw DatabaseError(kind: .migration, message: "sql/\(migration.name): a migration's name must start with its number, like 0001_organizations.sql")
            }
            if let other = seen[number] {
                throw DatabaseError(kind: .migration, message: "sql/\(other) and sql/\(migration.name) have the same number \(number); give each file its own number")
            }
            seen[number] = migration.name
        }
    }
}
