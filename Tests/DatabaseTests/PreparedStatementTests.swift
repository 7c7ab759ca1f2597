import Database
import Testing
import TestSupport

/// Statements with parameters are prepared once per connection and reused; what could make a
/// prepared statement stale (a table changing shape, a temporary table dropped and made again,
/// other parameter types) still runs the statement as written.
@Suite struct PreparedStatementTests {
    static let find = "SELECT * FROM pupil WHERE id = $1"

    @Test func aStatementIsPreparedOnceAndReused() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            try await db.pool.execute("CREATE TABLE pupil (id int PRIMARY KEY, name text)")
            try await db.pool.execute("INSERT INTO pupil VALUES (1, 'Ana'), (2, 'Luis')")
            try await db.pool.withConnection { conn in
                for id in [1, 2, 1] { _ = try await conn.query(Self.find, [id]) }
                let prepared = try await conn.query(
                    "SELECT count(*)::int AS n, max(generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements WHERE statement = $1",
                    [Self.find])
                #expect(try prepared[0].decode("n", as: Int.self) == 1)
                #expect(try prepared[0].decode("runs", as: Int.self) == 3)
            }
        }
    }

    @Test func aTableThatChangedShapeIsReadAsItIsNow() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            try await db.pool.execute("CREATE TABLE pupil (id int PRIMARY KEY, name text)")
            try await db.pool.execute("INSERT INTO pupil VALUES (1, 'Ana')")
            try await db.pool.withConnection { conn in
                #expect(try await conn.query(Self.find, [1])[0].decode("name", as: String.self) == "Ana")
                try await conn.execute("ALTER TABLE pupil ADD COLUMN grade int DEFAULT 11")
                let row = try await conn.query(Self.find, [1])[0]
                #expect(try row.decode("grade", as: Int.self) == 11)
                #expect(try row.decode("name", as: String.self) == "Ana")
            }
        }
    }

    /// A connection keeps the column names of each statement's last result; a result whose names
    /// or types differ (same text, a renamed or retyped column) is read with its own.
    @Test func aRenamedOrRetypedColumnIsReadAsItIsNow() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            try await db.pool.execute("CREATE TABLE pupil (id int PRIMARY KEY, name text)")
            try await db.pool.execute("INSERT INTO pupil VALUES (1, 'Ana')")
            try await db.pool.withConnection { conn in
                for sql in [Self.find, "SELECT * FROM pupil"] {
                    let binds: [any SQLEncodable] = sql == Self.find ? [1] : []
                    #expect(try await conn.query(sql, binds)[0].columns.names == ["id", "name"])
                    try await conn.execute("ALTER TABLE pupil RENAME COLUMN name TO full_name")
                    let renamed = try await conn.query(sql, binds)[0]
                    #expect(renamed.columns.names == ["id", "full_name"])
                    #expect(try renamed.decode("full_name", as: String.self) == "Ana")
                    #expect(throws: DatabaseError.self) { try renamed.decode("name", as: String.self) }
                    try await conn.execute("ALTER TABLE pupil ALTER COLUMN id TYPE bigint")
                    #expect(try await conn.query(sql, binds)[0].columns.types == [.int8, .text])
                    try await conn.execute("ALTER TABLE pupil RENAME COLUMN full_name TO name")
                    try await conn.execute("ALTER TABLE pupil ALTER COLUMN id TYPE int")
                }
            }
        }
    }

    @Test func aTemporaryTableMadeAgainInEachTransactionIsTheNewOne() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            for value in [3, 4] {
                let rows = try await db.pool.withTransaction { conn in
                    try await conn.execute("CREATE TEMP TABLE stage (n int) ON COMMIT DROP")
                    try await conn.execute("INSERT INTO stage VALUES ($1)", [value])
                    return try await conn.query("SELECT n FROM stage WHERE n >= $1", [0])
                }
                #expect(try rows.map { try $0.decode("n", as: Int.self) } == [value])
            }
        }
    }

    @Test func theSameTextWithOtherParameterTypesIsAnotherStatement() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            try await db.pool.withConnection { conn throws in
                #expect(try await conn.query("SELECT $1 AS v", [41])[0].decode("v", as: Int.self) == 41)
                #expect(try await conn.query("SELECT $1 AS v", ["Peña"])[0].decode("v", as: String.self) == "Peña")
                #expect(try await conn.query("SELECT $1 AS v", [42])[0].decode("v", as: Int.self) == 42)
            }
        }
    }

    @Test func aFailedTransactionStillRollsBackAndTheConnectionGoesOn() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            try await db.pool.execute("CREATE TABLE pupil (id int PRIMARY KEY, name text)")
            await #expect(throws: DatabaseError.self) {
                try await db.pool.withTransaction { conn in
                    try await conn.execute("INSERT INTO pupil VALUES ($1, $2)", [1, "Ana"])
                    try await conn.execute("INSERT INTO pupil VALUES ($1, $2)", [1, "Ana again"])
                }
            }
            #expect(try await db.pool.query("SELECT count(*)::int AS n FROM pupil WHERE id > $1", [0])[0].decode("n", as: Int.self) == 0)
            try await db.pool.execute("INSERT INTO pupil VALUES ($1, $2)", [1, "Ana"])
            #expect(try await db.pool.query(Self.find, [1])[0].decode("name", as: String.self) == "Ana")
        }
    }
}
