/// An upsert by external key from staged rows, built from one list of columns so that the insert,
/// the update and the comparisons cannot drift apart.
///
/// `incoming` is a query over the staging table giving the key columns and then every column to
/// store, each named as in `table`. Rows equal to the stored ones are left out before the
/// `INSERT` (an anti-join): `INSERT … ON CONFLICT DO UPDATE … WHERE` would lock every row it
/// conflicts with, unchanged or not, before it evaluates its `WHERE`, so re-importing an unchanged
/// file of 100,000 students wrote 100,000 row locks to the WAL and held them until commit. The
/// `WHERE` stays for a row changed by someone else in between: a row is written only when it
/// differs from what is stored when it is written.
struct StagedUpsert {
    let table: String
    let key: [String]
    let columns: [String]
    let incoming: String

    /// The statement; returns one row of `created` and `updated` counts.
    var sql: String {
        let all = (key + columns).joined(separator: ", ")
        func tuple(_ alias: String) -> String { "(" + columns.map { "\(alias).\($0)" }.joined(separator: ", ") + ")" }
        let sameKey = key.map { "u.\($0) = i.\($0)" }.joined(separator: " AND ")
        let set = columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return """
            WITH incoming AS (\(incoming)),
            upserted AS (
                INSERT INTO \(table) AS t (\(all))
                SELECT \(all) FROM incoming i
                WHERE NOT EXISTS (SELECT 1 FROM \(table) u WHERE \(sameKey)
                                  AND \(tuple("u")) IS NOT DISTINCT FROM \(tuple("i")))
                ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(set), updated_at = now()
                WHERE \(tuple("t")) IS DISTINCT FROM \(tuple("excluded"))
                RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated
            FROM upserted
            """
    }
}
