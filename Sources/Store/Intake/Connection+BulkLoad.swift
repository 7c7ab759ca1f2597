import Database

/// The bulk loads of large imports, on the import's connection (its transaction).
extension Connection {
    /// Runs `insert` as a bulk load when the rows it will insert (`rows`) are many and a large part
    /// of `table`: its foreign keys suspended (sql/0043), so PostgreSQL checks
    /// each key once over the whole table instead of once per inserted row, and its indexes dropped
    /// (sql/0050), so they are built in one sorted pass instead of kept up to date row by row. Both
    /// are back (and so every row checked, uniqueness included) before this returns; any violation
    /// throws and the import's transaction rolls back. The price: `table` and the tables it
    /// references stay locked ACCESS EXCLUSIVE until the import commits.
    func withBulkLoad(table: String, rows: Int, _ insert: () async throws -> Void) async throws {
        guard try await suspendForBulkLoad(table: table, rows: rows) else { return try await insert() }
        try await insert()
        try await restoreAfterBulkLoad(table: table)
    }

    /// Runs `insert` as a bulk load of `rows` rows into `table`, none of which the caller found
    /// stored, when worth it: `stillNoneStored` is asked again once the bulk load has locked the
    /// table, since another import may have stored some in between (after the lock, none can).
    /// Returns what `insert` returned, or nil when nothing was inserted (not worth a bulk load, or
    /// some rows stored meanwhile): the rows must then go a way that meets stored ones.
    func bulkInsert<T>(into table: String, rows: Int, stillNoneStored: () async throws -> Bool,
                       _ insert: () async throws -> T) async throws -> T? {
        guard try await suspendForBulkLoad(table: table, rows: rows) else { return nil }
        let inserted = try await stillNoneStored() ? try await insert() : nil
        try await restoreAfterBulkLoad(table: table)
        return inserted
    }

    /// Suspends the foreign keys and indexes of `table` when inserting `rows` rows is worth it;
    /// returns whether it did. Every path out must call ``restoreAfterBulkLoad(table:)`` (a commit
    /// with either still suspended is refused).
    private func suspendForBulkLoad(table: String, rows: Int) async throws -> Bool {
        let bulk = try await query(ImportBulkQueries.worth, [table, rows])[0].decode("bulk", as: Bool.self)
        guard bulk else { return false }
        try await execute(ImportBulkQueries.suspendForeignKeys, [table])
        try await execute(ImportBulkQueries.suspendIndexes, [table])
        return true
    }

    /// Builds the indexes of `table` again and checks its foreign keys over the whole table.
    private func restoreAfterBulkLoad(table: String) async throws {
        try await execute(ImportBulkQueries.restoreIndexes, [table])
        try await execute(ImportBulkQueries.restoreForeignKeys, [table])
    }
}

/// SQL of the bulk loads of large imports (sql/0043, sql/0050).
enum ImportBulkQueries {
    static let worth = "SELECT foreign_keys_worth_suspending($1::text::regclass, $2::bigint) AS bulk"
    static let suspendForeignKeys = "SELECT foreign_keys_suspend($1::text::regclass)"
    static let suspendIndexes = "SELECT indexes_suspend($1::text::regclass)"
    static let restoreIndexes = "SELECT indexes_restore($1::text::regclass)"
    static let restoreForeignKeys = "SELECT foreign_keys_restore($1::text::regclass)"
}
