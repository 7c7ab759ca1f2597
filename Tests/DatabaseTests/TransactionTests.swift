import Database
import Testing
import TestSupport

@Suite struct TransactionTests {
    struct Boom: Error {}

    static func count(_ pool: DatabasePool) async throws -> Int {
        try await pool.query("SELECT count(*) AS n FROM item")[0].decode("n")
    }

    @Test func commitsOnReturnAndRollsBackOnThrow() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.execute("CREATE TABLE item (id int PRIMARY KEY)")
            let value = try await db.pool.withTransaction { conn in
                try await conn.execute("INSERT INTO item VALUES ($1)", [1])
                return "done"
            }
            #expect(value == "done")
            #expect(try await Self.count(db.pool) == 1)
            await #expect(throws: Boom.self) {
                try await db.pool.withTransaction { conn in
                    try await conn.execute("INSERT INTO item VALUES ($1)", [2])
                    throw Boom()
                }
            }
            #expect(try await Self.count(db.pool) == 1)
        }
    }

    @Test func nestedTransactionsAreSavepoints() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.execute("CREATE TABLE item (id int PRIMARY KEY)")
            try await db.pool.withTransaction { conn in
                try await conn.execute("INSERT INTO item VALUES ($1)", [1])
                try? await conn.withTransaction { inner in
                    try await inner.execute("INSERT INTO item VALUES ($1)", [2])
                    throw Boom()
                }
                try await conn.withTransaction { inner in try await inner.execute("INSERT INTO item VALUES ($1)", [3]) }
            }
            let ids = try await db.pool.query("SELECT id FROM item ORDER BY id").map { try $0.decode("id", as: Int.self) }
            #expect(ids == [1, 3])
        }
    }

    @Test func aCaughtStatementFailureDoesNotCommitQuietly() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.execute("CREATE TABLE item (id int PRIMARY KEY)")
            let error = await #expect(throws: DatabaseError.self) {
                try await db.pool.withTransaction { conn in
                    try await conn.execute("INSERT INTO item VALUES ($1)", [1])
                    _ = try? await conn.execute("INSERT INTO item VALUES ($1)", [1]) // duplicate, swallowed
                }
            }
            #expect(error?.kind == .usage)
            #expect(try await Self.count(db.pool) == 0)
        }
    }

    @Test func repeatableReadKeepsItsSnapshot() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 2) { db in
            try await db.pool.execute("CREATE TABLE item (id int PRIMARY KEY)")
            try await db.pool.execute("INSERT INTO item VALUES (1)")
            let (before, after) = try await db.pool.withTransaction(.repeatableRead) { conn in
                let before = try await conn.query("SELECT count(*) AS n FROM item")[0].decode("n", as: Int.self)
                try await db.pool.execute("INSERT INTO item VALUES (2)") // another connection commits
                let after = try await conn.query("SELECT count(*) AS n FROM item")[0].decode("n", as: Int.self)
                return (before, after)
            }
            #expect(before == 1 && after == 1)
            #expect(try await Self.count(db.pool) == 2)
        }
    }

    @Test func concurrentUpdateUnderRepeatableReadIsASerializationFailure() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 2) { db in
            try await db.pool.execute("CREATE TABLE item (id int PRIMARY KEY, n int)")
            try await db.pool.execute("INSERT INTO item VALUES (1, 0)")
            let error = await #expect(throws: DatabaseError.self) {
                try await db.pool.withTransaction(.repeatableRead) { conn in
                    _ = try await conn.query("SELECT n FROM item WHERE id = 1")
                    try await db.pool.execute("UPDATE item SET n = n + 1 WHERE id = 1")
                    try await conn.execute("UPDATE item SET n = n + 10 WHERE id = 1")
                }
            }
            #expect(error?.isSerializationFailure == true)
            #expect(try await db.pool.query("SELECT n FROM item")[0].decode("n", as: Int.self) == 1)
        }
    }

    @Test func readOnlyTransactionsRefuseWrites() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.execute("CREATE TABLE item (id int PRIMARY KEY)")
            let error = await #expect(throws: DatabaseError.self) {
                try await db.pool.withTransaction(.repeatableRead, readOnly: true) { conn in
                    try await conn.execute("INSERT INTO item VALUES (1)")
                }
            }
            #expect(error?.sqlState == "25006")
        }
    }
}
