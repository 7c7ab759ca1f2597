import Database
import Testing
import TestSupport

@Suite struct ConnectionTests {
    @Test func queriesWithParametersAndDecodesRows() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let rows = try await db.pool.query("SELECT $1::int8 + 1 AS n, $2::text AS name", [41, "Peña"])
            #expect(rows.count == 1)
            #expect(try rows[0].decode("n", as: Int.self) == 42)
            #expect(try rows[0].decode("name", as: String.self) == "Peña")
            #expect(try rows[0].decode(1, as: String.self) == "Peña")
        }
    }

    @Test func executeReturnsAffectedRows() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.execute("CREATE TABLE t (id int PRIMARY KEY)")
            let inserted = try await db.pool.execute("INSERT INTO t SELECT generate_series(1, $1::int)", [5])
            #expect(inserted == 5)
            #expect(try await db.pool.execute("DELETE FROM t WHERE id > $1", [3]) == 2)
        }
    }
}
