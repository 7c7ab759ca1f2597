import CLibPQ
import Logging

/// One connection to PostgreSQL. Use it from one task at a time; a `DatabasePool` hands them out.
///
/// Every statement takes `$n` parameters; values are never spliced into SQL text:
/// ```swift
/// let conn = try await Connection.connect(url: config.databaseURL)
/// let rows = try await conn.query("SELECT id FROM student WHERE last_name = $1", ["Peña"])
/// ```
/// libpq runs on the connection's own dispatch queue, never on Swift's cooperative pool.
public final class Connection: Sendable {
    let handle: PGHandle
    let logger: Logger

    init(handle: PGHandle, logger: Logger) {
        self.handle = handle
        self.logger = logger
    }

    /// Opens a connection. `url` is a libpq URI (`postgresql://user@host:5432/db`) or a
    /// `key=value` string; libpq's `PG*` variables, `.pgpass` and `sslmode` apply as usual.
    public static func connect(url: String, logger: Logger = Logger(label: "wblmatch.database")) async throws -> Connection {
        let handle = PGHandle(url: url, label: "wblmatch.database.connection", logger: logger)
        try await handle.run { h throws(DatabaseError) in try h.connect() }
        return Connection(handle: handle, logger: logger)
    }

    deinit {
        let handle = handle
        handle.queue.async { handle.close() }
    }

    /// Runs a statement and returns its rows.
    public func query(_ sql: String, _ binds: [any SQLEncodable] = []) async throws -> [Row] {
        let encoded = binds.map(\.sqlBind)
        return try await handle.runCancellable { h throws(DatabaseError) in
            let result = try h.execParams(sql, encoded)
            defer { PQclear(result) }
            return h.rows(of: result, sql: sql)
        }
    }

    /// Runs a statement and returns the number of rows it inserted, updated, deleted or selected.
    @discardableResult
    public func execute(_ sql: String, _ binds: [any SQLEncodable] = []) async throws -> Int {
        let encoded = binds.map(\.sqlBind)
        return try await handle.runCancellable { h throws(DatabaseError) in
            let result = try h.execParams(sql, encoded)
            defer { PQclear(result) }
            return PGHandle.affectedRows(of: result)
        }
    }

    /// Runs a fixed script of several statements (no parameters; the simple protocol), such as a migration.
    /// Never build `sql` from input: it takes no parameters because it is meant for constant text.
    public func executeScript(_ sql: String) async throws {
        try await handle.runCancellable(unsentIfCancelled: false) { h throws(DatabaseError) in try h.execSimple(sql) }
    }

    /// Whether the connection is open and was healthy after its last operation.
    public var isConnected: Bool { !handle.isBroken }

    /// Whether a transaction is open (or failed and awaits ROLLBACK) after the last operation.
    public var isInTransaction: Bool {
        handle.transactionStatus == PQTRANS_INTRANS || handle.transactionStatus == PQTRANS_INERROR
    }

    /// The server process id serving this connection (for `pg_terminate_backend` and logs).
    public func backendPID() async throws -> Int32 {
        try await handle.run { h throws(DatabaseError) in PQbackendPID(try h.live()) }
    }

    /// Closes the connection.
    public func close() async {
        _ = try? await handle.run { h throws(DatabaseError) in h.close() }
    }
}
