import Database

extension ImportContext {
    /// Runs `insert` with the foreign keys of `table` suspended when the rows it will insert (the
    /// single `n` of `rowsQuery`) are many and a large part of the table (sql/0043): PostgreSQL then
    /// checks each key once over the whole table, set-based, instead of once per inserted row. The
    /// keys are added back (and so validated) before this returns; any violation throws and the
    /// import's transaction rolls back. The price: `table` and the tables it references stay locked
    /// ACCESS EXCLUSIVE until the import commits.
    func withBulkForeignKeys(table: String, rowsQuery: String, _ insert: () async throws -> Void) async throws {
        let rows = try await conn.query(rowsQuery)[0].decode("n", as: Int64.self)
        let bulk = try await conn.query(ImportBulkQueries.worth, [table, rows])[0].decode("bulk", as: Bool.self)
        guard bulk else { return try await insert() }
        try await conn.execute(ImportBulkQueries.suspend, [table])
        try await insert()
        try await conn.execute(ImportBulkQueries.restore, [table])
    }
}

/// SQL of the foreign-key suspension of large imports (sql/0043).
enum ImportBulkQueries {
    static let worth = "SELECT foreign_keys_worth_suspending($1::text::regclass, $2::bigint) AS bulk"
    static let suspend = "SELECT foreign_keys_suspend($1::text::regclass)"
    static let restore = "SELECT foreign_keys_restore($1::text::regclass)"
}
