import Logging

/// A bounded pool of connections to one database.
///
/// ```swift
/// let pool = DatabasePool(url: config.databaseURL, size: 8)
/// let rows = try await pool.query("SELECT id, name FROM employer WHERE edc_id = $1", [edcID])
/// try await pool.withTransaction(.repeatableRead) { conn in ... }
/// await pool.close()
/// ```
/// - Connections open lazily, up to `size`; an acquire waits at most `acquireTimeout` for one to free up.
/// - On checkout a connection checks its socket and reconnects if the server went away (a restart),
///   so the pool recovers by itself; a connection that failed is discarded when it comes back.
/// - A connection returned inside an open transaction is rolled back first.
/// - `close()` waits for the connections in use to come back, then closes all of them.
public final class DatabasePool: Sendable {
    /// The libpq URI or key=value string connections are made from.
    public let url: String
    /// The most connections open at once.
    public let size: Int
    /// How long `withConnection` waits for a free connection before failing with `.poolTimeout`.
    public let acquireTimeout: Duration
    let logger: Logger
    let state = Locked(PoolState())

    /// Makes a pool; no connection is opened until one is needed.
    public init(url: String, size: Int = 8, acquireTimeout: Duration = .seconds(10),
                logger: Logger = Logger(label: "wblmatch.database")) {
        precondition(size > 0, "a pool needs at least one connection")
        self.url = url
        self.size = size
        self.acquireTimeout = acquireTimeout
        self.logger = logger
    }

    /// Lends a connection to `body` and takes it back afterwards (also when `body` throws).
    @discardableResult
    public func withConnection<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: (Connection) async throws -> T
    ) async throws -> T {
        try await lend(try await acquire(), to: body)
    }

    /// Lends a connection to `body` only if one is free now (idle, or the pool may open another):
    /// for optional parallel work, such as reading half of a snapshot on a second connection, that
    /// must never wait for (or deadlock over) the pool. Returns nil, without running `body`, otherwise.
    public func withConnectionIfAvailable<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: (Connection) async throws -> T
    ) async throws -> T? {
        guard let connection = try await acquireIfAvailable() else { return nil }
        return try await lend(connection, to: body)
    }

    /// Runs `body` with `connection` and takes it back afterwards (also when `body` throws).
    private func lend<T>(
        _ connection: Connection, isolation: isolated (any Actor)? = #isolation, to body: (Connection) async throws -> T
    ) async throws -> T {
        do {
            let value = try await body(connection)
            await release(connection)
            return value
        } catch {
            await release(connection)
            throw error
        }
    }

    /// Runs `body` in a transaction on a pooled connection: COMMIT when it returns, ROLLBACK when it throws.
    @discardableResult
    public func withTransaction<T>(
        _ level: IsolationLevel = .readCommitted, readOnly: Bool = false,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Connection) async throws -> T
    ) async throws -> T {
        try await withConnection { conn in
            try await conn.withTransaction(level, readOnly: readOnly) { conn in try await body(conn) }
        }
    }

    /// Runs a statement on a pooled connection and returns its rows.
    public func query(_ sql: String, _ binds: [any SQLEncodable] = []) async throws -> [Row] {
        try await withConnection { conn in try await conn.query(sql, binds) }
    }

    /// Runs a statement on a pooled connection and returns the number of rows it affected.
    @discardableResult
    public func execute(_ sql: String, _ binds: [any SQLEncodable] = []) async throws -> Int {
        try await withConnection { conn in try await conn.execute(sql, binds) }
    }

    /// Holds the advisory lock `key` on a pooled connection while `body` runs with that connection.
    @discardableResult
    public func withAdvisoryLock<T>(
        key: Int64, isolation: isolated (any Actor)? = #isolation, _ body: (Connection) async throws -> T
    ) async throws -> T {
        try await withConnection { conn in try await conn.withAdvisoryLock(key: key) { try await body(conn) } }
    }

    /// Listens on `channel` with a dedicated connection (not one of the pool's), reconnecting and
    /// listening again if the connection is lost. Notifications sent while disconnected are lost:
    /// treat a notification as a hint to look, and look on a timer too.
    public func listen(_ channel: String) async throws -> AsyncThrowingStream<DatabaseNotification, Error> {
        let listener = try await Listener.start(url: url, channel: channel, logger: logger)
        return AsyncThrowingStream(unfolding: { try await listener.next() })
    }

    /// Sends a notification on a pooled connection.
    public func notify(channel: String, payload: String = "") async throws {
        try await withConnection { conn in try await conn.notify(channel: channel, payload: payload) }
    }

    /// Counts for monitoring and tests.
    public var statistics: (open: Int, idle: Int, waiting: Int) {
        state.withLock { ($0.open, $0.idle.count, $0.waiters.count) }
    }

    /// Stops lending connections, fails waiting acquires, and closes every connection once it is returned.
    public func close() async {
        let (idle, waiters) = state.withLock { s -> ([Connection], [PoolState.Waiter]) in
            s.closed = true
            let idle = s.idle
            s.idle.removeAll()
            s.open -= idle.count
            let waiters = s.waiters
            s.waiters.removeAll()
            return (idle, waiters)
        }
        for waiter in waiters {
            waiter.continuation.resume(throwing: DatabaseError(kind: .poolClosed, message: "the database pool was closed"))
        }
        for connection in idle { await connection.close() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { s -> Bool in
                if s.open == 0 { return true }
                s.closeWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        logger.debug("database pool closed")
    }
}
