import Database
import Foundation
import Testing
import TestSupport
@testable import Jobs

/// Enqueue and claim against a real PostgreSQL (a fresh database per test).
@Suite struct QueueTests {
    struct Args: Codable, Sendable, Equatable { var round: Int; var note: String }

    func claim(_ db: TestDatabase, queues: [String] = ["default"], kinds: [String] = ["a", "b"], limit: Int = 100) async throws -> [Job] {
        try await PostgresJobDriver(pool: db.pool).claim(queues: queues, kinds: kinds, limit: limit, worker: "test:1")
    }

    @Test func enqueueInsideTransactionExistsOnlyIfItCommits() async throws {
        try await TestDatabase.with { db in
            let queue = JobQueue(pool: db.pool)
            struct Rollback: Error {}
            await #expect(throws: Rollback.self) {
                try await db.pool.withTransaction { conn in
                    try await queue.enqueue(kind: "a", on: conn)
                    throw Rollback()
                }
            }
            #expect(try await db.pool.query("SELECT id FROM jobs").isEmpty)
            let id = try await db.pool.withTransaction { conn in
                try await queue.enqueue(kind: "a", args: Args(round: 7, note: "x"), on: conn).id
            }
            let jobs = try await claim(db)
            #expect(jobs.map(\.id) == [id])
            #expect(try jobs[0].args(as: Args.self) == Args(round: 7, note: "x"))
            #expect(jobs[0].attempt == 1)
        }
    }

    @Test func uniqueKeyAdmitsOneLiveJob() async throws {
        try await TestDatabase.with { db in
            let queue = JobQueue(pool: db.pool)
            let first = try await queue.enqueue(kind: "a", uniqueKey: "nightly:2026-11-29")
            let second = try await queue.enqueue(kind: "a", uniqueKey: "nightly:2026-11-29")
            #expect(first.inserted && !second.inserted && first.id == second.id)
            // Still taken once completed…
            let driver = PostgresJobDriver(pool: db.pool)
            let claimed = try await claim(db)
            #expect(try await driver.complete([(claimed[0].id, claimed[0].attempt)]) == [first.id])
            #expect(try await queue.enqueue(kind: "a", uniqueKey: "nightly:2026-11-29").inserted == false)
            // …but a cancelled job gives its key back.
            let other = try await queue.enqueue(kind: "b", uniqueKey: "k2")
            try await JobAdmin(pool: db.pool).cancel(other.id)
            #expect(try await queue.enqueue(kind: "b", uniqueKey: "k2").inserted)
            // Concurrent enqueues of one key: exactly one inserts.
            let results = try await withThrowingTaskGroup(of: EnqueueResult.self) { group in
                for _ in 0..<8 { group.addTask { try await queue.enqueue(kind: "a", uniqueKey: "race") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter(\.inserted).count == 1)
            #expect(Set(results.map(\.id)).count == 1)
        }
    }

    @Test func claimsByPriorityThenRunAtAndNeverMoreThanAsked() async throws {
        try await TestDatabase.with { db in
            let queue = JobQueue(pool: db.pool)
            let low = try await queue.enqueue(kind: "a", priority: 4).id
            let urgent = try await queue.enqueue(kind: "a", priority: 1).id
            let normal = try await queue.enqueue(kind: "b", priority: 2).id
            let later = try await queue.enqueue(kind: "a", priority: 1, runAt: Date().addingTimeInterval(3600)).id
            let first = try await claim(db, limit: 2)
            #expect(Set(first.map(\.id)) == [urgent, normal])
            let second = try await claim(db, limit: 2)
            #expect(second.map(\.id) == [low])
            #expect(try await claim(db).isEmpty)
            _ = later
        }
    }

    @Test func namedQueuesAndKindsAreKeptApart() async throws {
        try await TestDatabase.with { db in
            let queue = JobQueue(pool: db.pool)
            let mail = try await queue.enqueue(kind: "a", queue: "mail").id
            let other = try await queue.enqueue(kind: "c").id
            let plain = try await queue.enqueue(kind: "a").id
            #expect(try await claim(db, queues: ["default"], kinds: ["a"]).map(\.id) == [plain])
            #expect(try await claim(db, queues: ["mail", "default"], kinds: ["a"]).map(\.id) == [mail])
            #expect(try await claim(db, queues: ["default"], kinds: ["c"]).map(\.id) == [other])
        }
    }

    /// Concurrent claimers never share a job (FOR UPDATE SKIP LOCKED).
    @Test func concurrentClaimsNeverOverlap() async throws {
        try await TestDatabase.with(poolSize: 8) { db in
            let insert = try JobInsert(kind: "a")
            try await JobQueue(pool: db.pool).enqueueMany(Array(repeating: insert, count: 2000))
            let driver = PostgresJobDriver(pool: db.pool)
            let claimed = try await withThrowingTaskGroup(of: [Int].self) { group in
                for worker in 0..<6 {
                    group.addTask {
                        var mine: [Int] = []
                        while true {
                            let jobs = try await driver.claim(queues: ["default"], kinds: ["a"], limit: 37, worker: "w\(worker)")
                            if jobs.isEmpty { return mine }
                            mine += jobs.map(\.id)
                        }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
            #expect(claimed.count == 2000)
            #expect(Set(claimed).count == 2000)
        }
    }

    @Test func refusesBadInsertsNamingTheField() async throws {
        #expect(throws: JobsError.self) { try JobInsert(kind: "") }
        #expect { try JobInsert(kind: "a", priority: 9) } throws: { ($0 as? JobsError)?.message.contains("priority 9") == true }
        #expect { try JobInsert(kind: "a", queue: "") } throws: { ($0 as? JobsError)?.message.contains("queue") == true }
        #expect { try JobInsert(kind: "a", maxAttempts: 0) } throws: { ($0 as? JobsError)?.message.contains("maxAttempts") == true }
        #expect { try JobInsert(kind: "a", uniqueKey: "") } throws: { ($0 as? JobsError)?.message.contains("uniqueKey") == true }
        try await TestDatabase.with { db in
            let keyed = try JobInsert(kind: "a", uniqueKey: "k")
            await #expect(throws: JobsError.self) { try await JobQueue(pool: db.pool).enqueueMany([keyed]) }
            #expect(try await db.pool.query("SELECT id FROM jobs").isEmpty)
        }
    }

    @Test func argsThatDoNotDecodeNameTheJsonPath() async throws {
        let job = Job(id: 5, kind: "a", queue: "default", argsJSON: #"{"round": "seven", "note": "x"}"#, metadataJSON: "{}",
                      priority: 2, attempt: 1, maxAttempts: 3, runAt: Date(), createdAt: Date(), uniqueKey: nil)
        #expect { try job.args(as: Args.self) } throws: { error in
            let message = (error as? JobsError)?.message ?? ""
            return message.contains("job 5") && message.contains("$.round")
        }
    }

    @Test func maxAttemptsComesFromTheRegisteredKind() async throws {
        try await TestDatabase.with { db in
            var registry = JobRegistry()
            registry.register(kind: "a", maxAttempts: 4) { _, _ in }
            let queue = JobQueue(pool: db.pool, registry: registry)
            try await queue.enqueue(kind: "a")
            try await queue.enqueue(kind: "b")
            try await queue.enqueue(kind: "a", maxAttempts: 9)
            let attempts = try await db.pool.query("SELECT max_attempts FROM jobs ORDER BY id").map { try $0.decode("max_attempts", as: Int.self) }
            #expect(attempts == [4, 25, 9])
        }
    }
}
