import Database
import Testing
import TestSupport

@Suite struct PoolTests {
    @Test func sixtyFourTasksShareAPoolOfFour() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            try await db.pool.execute("CREATE TABLE hit (task int, pid int)")
            // The waits under test are bounded by fairness, not by this timeout; a loaded CI machine needs room.
            let pool = DatabasePool(url: db.url, size: 4, acquireTimeout: .seconds(120))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<64 {
                    group.addTask {
                        for _ in 0..<5 {
                            try await pool.withConnection { conn in
                                _ = try await conn.query("SELECT pg_sleep(0.002)")
                                try await conn.execute("INSERT INTO hit VALUES ($1, pg_backend_pid())", [task])
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let open = pool.statistics.open
            await pool.close()
            let rows = try await db.pool.query("SELECT count(*) AS n, count(DISTINCT task) AS tasks, count(DISTINCT pid) AS pids FROM hit")
            #expect(try rows[0].decode("n", as: Int.self) == 64 * 5)
            #expect(try rows[0].decode("tasks", as: Int.self) == 64)
            let pids = try rows[0].decode("pids", as: Int.self)
            #expect(pids >= 1 && pids <= 4, "at most 4 server connections, saw \(pids)")
            #expect(open <= 4)
        }
    }

    @Test func acquireTimesOutWhenAllConnectionsAreBusy() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            let pool = DatabasePool(url: db.url, size: 1, acquireTimeout: .milliseconds(200))
            try await pool.withConnection { _ in
                // Two waits at once, timed out by the pool's one sweeper (every 20 ms here).
                let clock = ContinuousClock()
                let started = clock.now
                let waits = (0..<2).map { _ in Task { try await pool.execute("SELECT 1") } }
                for wait in waits {
                    let error = try await #require(throws: DatabaseError.self) { _ = try await wait.value }
                    #expect(error.kind == .poolTimeout)
                }
                let waited = clock.now - started
                #expect(waited >= .milliseconds(200) && waited < .seconds(5), "\(waited)")
                #expect(pool.statistics.waiting == 0)
            }
            #expect(try await pool.query("SELECT 1 AS one").count == 1)
            await pool.close()
        }
    }

    @Test func aSpareConnectionIsLentOnlyWhenOneIsFree() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            let pool = DatabasePool(url: db.url, size: 2, acquireTimeout: .seconds(30))
            let pids = try await pool.withConnection { first -> (Int32, Int32?) in
                let mine = try await first.backendPID()
                // One more may be opened while the first is out ...
                let second = try await pool.withConnectionIfAvailable { second in
                    // ... but not a third: nil at once, without waiting for the acquire timeout.
                    let started = ContinuousClock.now
                    let third = try await pool.withConnectionIfAvailable { try await $0.backendPID() }
                    #expect(third == nil)
                    #expect(ContinuousClock.now - started < .seconds(5))
                    return try await second.backendPID()
                }
                return (mine, second)
            }
            #expect(pids.1 != nil && pids.1 != pids.0)
            // Both are back: an idle one is lent again.
            #expect(try await pool.withConnectionIfAvailable { try await $0.backendPID() } != nil)
            #expect(pool.statistics.open == 2 && pool.statistics.idle == 2)
            await pool.close()
        }
    }

    @Test func aConnectionLeftInATransactionIsRolledBack() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            try await db.pool.execute("CREATE TABLE item (id int)")
            try await db.pool.withConnection { conn in
                try await conn.executeScript("BEGIN")
                try await conn.execute("INSERT INTO item VALUES (1)")
            }
            #expect(try await db.pool.query("SELECT count(*) AS n FROM item")[0].decode("n", as: Int.self) == 0)
        }
    }

    @Test func closeWaitsForBorrowedConnectionsAndRefusesNewWork() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let pool = DatabasePool(url: db.url, size: 2)
            let borrowed = Task {
                try await pool.withConnection { conn in
                    _ = try await conn.query("SELECT pg_sleep(0.3)")
                    return "finished"
                }
            }
            try await Task.sleep(for: .milliseconds(100))
            await pool.close()
            #expect(try await borrowed.value == "finished")
            #expect(pool.statistics.open == 0)
            let error = try await #require(throws: DatabaseError.self) { try await pool.query("SELECT 1") }
            #expect(error.kind == .poolClosed)
        }
    }

    /// A task cancelled before its statement is sent does not send it (nothing runs on the server);
    /// its transaction still rolls back and the connection serves the next caller.
    @Test func aTaskCancelledBeforeItsStatementDoesNotRunIt() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            try await db.pool.execute("CREATE TABLE marks (n int)")
            let task = Task {
                try await db.pool.withTransaction { conn in
                    withUnsafeCurrentTask { $0?.cancel() }
                    try await conn.execute("INSERT INTO marks VALUES (1)")
                }
            }
            let error = try await #require(throws: DatabaseError.self) { try await task.value }
            #expect(error.sqlState == "57014")
            #expect(try await db.pool.query("SELECT count(*)::int AS n FROM marks")[0].decode("n", as: Int.self) == 0)
            #expect(db.pool.statistics.open == 1, "the connection went back to the pool")
        }
    }

    /// The cancel request of a task cancelled before its statement ran never reaches the server
    /// late, where it would stop the next borrower's statement on the same connection.
    @Test func aLateCancelNeverStopsTheNextStatement() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            try await db.pool.execute("CREATE TABLE marks (n int)")
            for round in 0..<150 {
                let task = Task {
                    try await db.pool.withTransaction { conn in
                        withUnsafeCurrentTask { $0?.cancel() }
                        try await conn.execute("INSERT INTO marks VALUES ($1)", [round])
                    }
                }
                _ = try? await task.value
                let next = try await db.pool.query("SELECT count(*)::int AS n, pg_sleep(0.002) FROM marks")
                #expect(try next[0].decode("n", as: Int.self) == 0, "round \(round)")
            }
        }
    }

    @Test func cancellingAQueryCancelsItOnTheServer() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            let clock = ContinuousClock()
            let start = clock.now
            let slow = Task { try await db.pool.query("SELECT pg_sleep(30)") }
            try await Task.sleep(for: .milliseconds(200))
            slow.cancel()
            let error = try await #require(throws: DatabaseError.self) { try await slow.value }
            #expect(error.sqlState == "57014")
            #expect(clock.now - start < .seconds(10))
            #expect(try await db.pool.query("SELECT 1 AS one").count == 1)
        }
    }
}
