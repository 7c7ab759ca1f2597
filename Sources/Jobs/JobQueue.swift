import Database
import Foundation

/// Enqueues jobs, on a pooled connection or inside the caller's transaction.
///
/// ```swift
/// let queue = JobQueue(pool: pool, registry: registry)
/// // On its own:
/// try await queue.enqueue(kind: "noop")
/// // With the caller's writes: the job exists if and only if this transaction commits.
/// try await pool.withTransaction { conn in
///     try await conn.execute("UPDATE rounds SET state = 'final' WHERE id = $1", [roundID])
///     try await queue.enqueue(kind: "match.run", args: MatchRunArgs(round: roundID, kind: .final),
///                             uniqueKey: "match.run:final:\(roundID)", on: conn)
/// }
/// ```
/// Workers listening on the queue wake up when the transaction commits (NOTIFY from a trigger).
public struct JobQueue: Sendable {
    public let pool: DatabasePool
    /// Gives jobs enqueued without `maxAttempts` their kind's; nil: 25 unless given.
    public let registry: JobRegistry?
    let driver: any JobDriver

    public init(pool: DatabasePool, registry: JobRegistry? = nil) {
        self.init(pool: pool, registry: registry, driver: PostgresJobDriver(pool: pool))
    }

    init(pool: DatabasePool, registry: JobRegistry?, driver: any JobDriver) {
        self.pool = pool
        self.registry = registry
        self.driver = driver
    }

    /// Enqueues one job.
    /// - Parameters:
    ///   - kind: the registered kind that will run it.
    ///   - args: encoded as JSON (`job.args(as:)` decodes them).
    ///   - queue: the named queue (workers choose theirs with `--queues`).
    ///   - priority: 1 (first) … 4 (last).
    ///   - runAt: not before this instant (nil: now).
    ///   - uniqueKey: when a waiting, running or completed job holds this key, nothing is inserted and
    ///     the result names that job (`inserted == false`).
    ///   - maxAttempts: nil: the kind's (if this queue knows the registry) or 25.
    ///   - connection: a connection in the caller's transaction, or nil for a pooled connection.
    @discardableResult
    public func enqueue(
        kind: String, args: some Encodable & Sendable = [String: String](), queue: String = "default",
        priority: Int = 2, runAt: Date? = nil, uniqueKey: String? = nil, maxAttempts: Int? = nil,
        on connection: Connection? = nil
    ) async throws -> EnqueueResult {
        let insert = try JobInsert(kind: kind, args: args, queue: queue, priority: priority,
                                   maxAttempts: maxAttempts, runAt: runAt, uniqueKey: uniqueKey)
        return try await enqueue(insert, on: connection)
    }

    /// Enqueues a prepared insert.
    @discardableResult
    public func enqueue(_ insert: JobInsert, on connection: Connection? = nil) async throws -> EnqueueResult {
        let attempts = maxAttempts(for: insert)
        if let connection { return try await driver.insert(insert, maxAttempts: attempts, on: connection) }
        return try await pool.withConnection { conn in try await driver.insert(insert, maxAttempts: attempts, on: conn) }
    }

    /// Enqueues many jobs in one statement (unique keys are not allowed here: enqueue those one by one).
    @discardableResult
    public func enqueueMany(_ inserts: [JobInsert], on connection: Connection? = nil) async throws -> [Int] {
        if let keyed = inserts.first(where: { $0.uniqueKey != nil }) {
            throw JobsError(.invalidArgument, "enqueueMany: job \(keyed.kind) has unique key \(keyed.uniqueKey!); enqueue jobs with unique keys one at a time")
        }
        if inserts.isEmpty { return [] }
        let attempts = inserts.map(maxAttempts(for:))
        if let connection { return try await driver.insertMany(inserts, maxAttempts: attempts, on: connection) }
        return try await pool.withConnection { conn in try await driver.insertMany(inserts, maxAttempts: attempts, on: conn) }
    }

    func maxAttempts(for insert: JobInsert) -> Int {
        insert.maxAttempts ?? registry?.kinds[insert.kind]?.maxAttempts ?? 25
    }
}
