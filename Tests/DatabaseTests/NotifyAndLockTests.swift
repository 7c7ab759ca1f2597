import Database
import Testing
import TestSupport

@Suite struct NotifyAndLockTests {
    @Test func listenReceivesNotificationsInOrder() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let channel = "job \"available\"; DROP TABLE x"   // quoted as an identifier, never spliced
            let notes = try await db.pool.listen(channel)
            try await db.pool.notify(channel: channel, payload: "Peña 1")
            try await db.pool.notify(channel: "other", payload: "ignored")
            try await db.pool.notify(channel: channel, payload: "Nguyễn 2")
            var received: [String] = []
            for try await note in notes {
                #expect(note.channel == channel)
                received.append(note.payload)
                if received.count == 2 { break }
            }
            #expect(received == ["Peña 1", "Nguyễn 2"])
        }
    }

    @Test func notificationsOfARolledBackTransactionAreNotDelivered() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.withConnection { listener in
                let notes = try await listener.listen("work")
                struct Undo: Error {}
                try? await db.pool.withTransaction { conn in
                    try await conn.notify(channel: "work", payload: "rolled back")
                    throw Undo()
                }
                try await db.pool.notify(channel: "work", payload: "committed")
                var iterator = notes.makeAsyncIterator()
                #expect(try await iterator.next()?.payload == "committed")
            }
        }
    }

    @Test func advisoryLocksExcludeOtherSessions() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 2) { db in
            let key = Connection.advisoryLockKey("test.lock")
            #expect(key == Connection.advisoryLockKey("test.lock") && key != Connection.advisoryLockKey("test.lock2"))
            try await db.pool.withConnection { a in
                try await db.pool.withConnection { b in
                    let aTakes = try await a.tryAdvisoryLock(key: key)
                    let bWhileAHolds = try await b.tryAdvisoryLock(key: key)
                    let aReleases = try await a.advisoryUnlock(key: key)
                    let bAfter = try await b.tryAdvisoryLock(key: key)
                    let bReleases = try await b.advisoryUnlock(key: key)
                    #expect(aTakes && !bWhileAHolds && aReleases && bAfter && bReleases)
                }
            }
        }
    }

    @Test func withAdvisoryLockSerializesCriticalSections() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 4) { db in
            try await db.pool.execute("CREATE TABLE log (task int, step text, at timestamptz DEFAULT clock_timestamp())")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<4 {
                    group.addTask {
                        try await db.pool.withAdvisoryLock(key: 42) { conn in
                            try await conn.execute("INSERT INTO log (task, step) VALUES ($1, 'enter')", [task])
                            _ = try await conn.query("SELECT pg_sleep(0.05)")
                            try await conn.execute("INSERT INTO log (task, step) VALUES ($1, 'leave')", [task])
                        }
                    }
                }
                try await group.waitForAll()
            }
            let steps = try await db.pool.query("SELECT task, step FROM log ORDER BY at")
            #expect(steps.count == 8)
            for pair in stride(from: 0, to: steps.count, by: 2) {
                #expect(try steps[pair].decode("step", as: String.self) == "enter")
                #expect(try steps[pair + 1].decode("step", as: String.self) == "leave")
                #expect(try steps[pair].decode("task", as: Int.self) == steps[pair + 1].decode("task", as: Int.self))
            }
        }
    }
}
