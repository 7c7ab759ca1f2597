/// One schema migration: a file of SQL from `sql/`, applied once, in name order, in a transaction.
public struct Migration: Sendable, Hashable {
    /// The file name, e.g. `0003_slots.sql`; migrations apply in the order of their names.
    public var name: String
    /// The SQL text (several statements are fine; no BEGIN/COMMIT of its own).
    public var sql: String

    /// Makes a migration.
    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }

    /// SHA-256 of the SQL text, hex: recorded when applied, compared on every later run.
    public var checksum: String { SHA256.hex(Array(sql.utf8)) }
}

/// Where one migration stands in a database.
public struct MigrationStatus: Sendable, Hashable {
    /// What is known about the migration.
    public enum State: Sendable, Hashable {
        /// Not yet applied.
        case pending
        /// Applied, and the file is unchanged since.
        case applied
        /// Applied, but the file has changed since (the migrator refuses to run).
        case changed(recordedChecksum: String)
        /// Recorded in the database, but this binary has no such file (a newer binary applied it).
        case unknown
    }

    /// The file name.
    public var name: String
    /// What is known about it.
    public var state: State
    /// When it was applied (text as PostgreSQL printed it), for applied, changed and unknown ones.
    public var appliedAt: String?
}
