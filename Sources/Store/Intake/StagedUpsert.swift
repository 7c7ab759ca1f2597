/// An upsert by external key from staged rows, built from one list of columns so that the insert,
/// the update and the comparisons cannot drift apart.
///
/// `incoming` is a query over the staging table giving the key columns and then every column to
/// store, each named as in `table`. Rows equal to the stored ones are left out first: `INSERT …
/// ON CONFLICT DO UPDATE … WHERE` would lock every row it conflicts with, unchanged or not, before
/// it evaluates its `WHERE`, so re-importing an unchanged file of 100,000 students wrote 100,000
/// row locks to the WAL and held them until commit. The `WHERE` stays for a row changed by someone
/// else in between: a row is written only when it differs from what is stored when it is written.
///
/// The rows left are set aside in a statement of their own, before the `INSERT`. In one statement
/// the comparison would read the table while the `INSERT` adds to it; into an empty table the
/// planner may then probe the key index by its first column only, and each probe would pass every
/// row inserted so far (90,000 slots took minutes). When no incoming key is stored yet (a first
/// import), there is nothing to compare: the rows go straight from `incoming` to the `INSERT`,
/// unless `incoming` itself reads `table` (the same trap).
struct StagedUpsert {
    let table: String
    let key: [String]
    let columns: [String]
    let incoming: String
    /// Whether `incoming` reads `table` (then its rows are always set aside first).
    var incomingReadsTable = false

    /// The temporary table of the rows to write.
    var rowsTable: String { "upsert_\(table)" }

    /// Creates ``rowsTable``: the incoming rows that are new or differ from the stored ones.
    var setAside: String {
        """
            CREATE TEMP TABLE \(rowsTable) ON COMMIT DROP AS
            SELECT i.* FROM (\(incoming)) i
            WHERE NOT EXISTS (SELECT 1 FROM \(table) u WHERE \(sameKey)
                              AND \(tuple("u")) IS NOT DISTINCT FROM \(tuple("i")))
            """
    }

    /// One row, `stored`: whether any incoming row's key is in `table` already.
    var anyStored: String {
        "SELECT EXISTS (SELECT 1 FROM (\(incoming)) i JOIN \(table) u ON \(sameKey)) AS stored"
    }

    /// Writes ``rowsTable``; returns one row of `created` and `updated` counts.
    var write: String { write(from: rowsTable) }

    /// Writes every incoming row (when none is stored yet); returns one row of `created` and `updated` counts.
    var writeAllIncoming: String { write(from: "(\(incoming)) i") }

    /// Inserts every incoming row with no `ON CONFLICT`, for a bulk load: its key index is
    /// suspended, and the table locked, so no row can conflict. Returns `created` and `updated`.
    var insertAllIncoming: String {
        let all = (key + columns).joined(separator: ", ")
        return """
            WITH inserted AS (INSERT INTO \(table) (\(all)) SELECT \(all) FROM (\(incoming)) i RETURNING 1)
            SELECT count(*)::int AS created, 0 AS updated FROM inserted
            """
    }

    private func write(from source: String) -> String {
        let all = (key + columns).joined(separator: ", ")
        let set = columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return """
            WITH upserted AS (
                INSERT INTO \(table) AS t (\(all))
                SELECT \(all) FROM \(source)
                ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(set), updated_at = now()
                WHERE \(tuple("t")) IS DISTINCT FROM \(tuple("excluded"))
                RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated
            FROM upserted
            """
    }

    /// The check for a key given twice in `stage`: each later row of an (`owner`, `id`) pair, with
    /// the line it first appears on. One hash aggregate finds the repeated keys, joined back to
    /// their rows for the lines, instead of a window that sorts every row by text.
    static func repeatedKeys(stage: String, owner: String, id: String, noun: String) -> String {
        """
        SELECT s.line, '\(id)', format('\(noun) %s of %s appears again (first on line %s)', s.\(id), s.\(owner), d.first_line)
        FROM \(stage) s
        JOIN (SELECT coalesce(\(owner), '') AS \(owner), \(id), min(line) AS first_line FROM \(stage)
              GROUP BY 1, 2 HAVING count(*) > 1) d
          ON d.\(owner) = coalesce(s.\(owner), '') AND d.\(id) = s.\(id) AND s.line > d.first_line
        """
    }

    private var sameKey: String { key.map { "u.\($0) = i.\($0)" }.joined(separator: " AND ") }

    private func tuple(_ alias: String) -> String {
        "(" + columns.map { "\(alias).\($0)" }.joined(separator: ", ") + ")"
    }
}

extension ImportContext {
    /// Runs `staged`: sets the rows to write aside, then writes them; or, when none of their keys
    /// is stored yet, writes them all at once. (`ON CONFLICT` still turns a row another import
    /// inserts meanwhile into an update.) A first import of many rows is a bulk load
    /// (``Connection/bulkInsert(into:rows:stillNoneStored:_:)``): the table's key index is built after the
    /// rows are in, and its foreign keys checked over the whole table, instead of both row by row
    /// (100,000 new students: the write 1.9 s → about 0.8 s).
    func upsert(_ staged: StagedUpsert) async throws -> ImportCounts {
        guard !staged.incomingReadsTable, try await !anyStored(staged) else {
            try await conn.executeScript(staged.setAside)
            return try await upsert(staged.write)
        }
        let bulk = try await conn.bulkInsert(into: staged.table, rows: batch.rows.count, stillNoneStored: { try await !anyStored(staged) }) {
            try await upsert(staged.insertAllIncoming)
        }
        if let bulk { return bulk }
        return try await upsert(staged.writeAllIncoming)   // ON CONFLICT meets rows stored meanwhile
    }

    private func anyStored(_ staged: StagedUpsert) async throws -> Bool {
        try await conn.query(staged.anyStored)[0].decode("stored", as: Bool.self)
    }
}
