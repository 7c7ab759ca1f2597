import CLibPQ
import Dispatch
import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libpq connection and the serial dispatch queue on which every libpq call for it runs.
///
/// libpq blocks (network round trips, `poll`), so no call may run on Swift's cooperative pool:
/// `run` hops onto the connection's own queue (Dispatch threads, not the cooperative pool) and
/// resumes the caller when the work is done. Mutable state is touched only on `queue`, or by the
/// single task that owns the connection after its last `run` returned (the continuation orders them).
final class PGHandle: @unchecked Sendable {
    let url: String
    let queue: DispatchQueue
    let logger: Logger
    var conn: OpaquePointer?
    /// Set by the pool on checkout: the next `run` first makes sure the server is still there.
    var checkBeforeNextUse = false
    /// Notifications read while waiting for another channel's, or during a query.
    var pendingNotifications: [DatabaseNotification] = []
    /// libpq's view after the last operation: idle, in a transaction, failed transaction, busy (COPY).
    private(set) var transactionStatus = PQTRANS_UNKNOWN
    private(set) var isBroken = true
    /// Statements prepared on this connection (by SQL text and parameter types): parsed and planned
    /// once, not on every execution. Gone with the connection.
    private var statements: [StatementKey: String] = [:]
    private var statementsPrepared = 0
    /// More distinct statements than this on one connection (SQL built at run time) starts the cache over.
    static let statementLimit = 500
    /// The columns of the last result of each statement (by SQL text), reused while a result has the
    /// same names and types: a row set's names are then not copied into new strings on every query.
    private var columnsBySQL: [String: RowColumns] = [:]
    /// Serializes cancel requests with the start and end of the statements they may cancel.
    private let cancelLock = DispatchQueue(label: "wblmatch.database.cancel")
    private var cancelToken: OpaquePointer?
    /// The `runCancellable` call whose statement is running now (touched on `cancelLock` only).
    private var runningCall: UInt64?
    /// Numbers `runCancellable` calls, so a cancel is matched to its own statement.
    private static let nextCall = Locked<UInt64>(0)

    init(url: String, label: String, logger: Logger) {
        self.url = url
        self.logger = logger
        queue = DispatchQueue(label: label)
    }

    deinit {
        if let conn { PQfinish(conn) }
        if let cancelToken { PQfreeCancel(cancelToken) }
    }

    /// Runs `body` on the connection's queue and returns its result to the awaiting task.
    func run<T: Sendable>(_ body: @escaping @Sendable (PGHandle) throws(DatabaseError) -> T) async throws(DatabaseError) -> T {
        let result: Result<T, DatabaseError> = await withUnsafeContinuation { continuation in
            queue.async {
                do throws(DatabaseError) {
                    if self.checkBeforeNextUse { try self.healthCheck() }
                    let value = try body(self)
                    self.noteStatus()
                    continuation.resume(returning: .success(value))
                } catch {
                    self.noteStatus()
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    /// Like `run`, but asks the server to cancel the statement when the awaiting task is cancelled.
    /// With `unsentIfCancelled`, a task cancelled before its statement was sent does not send it (the
    /// server's cancel would find nothing running, and the statement would run to its end); scripts
    /// pass false, so a cancelled task's ROLLBACK still runs.
    ///
    /// The server is asked to cancel only while this call's statement is running, and the call does
    /// not return while such a request is on its way: a cancel that arrived late would otherwise stop
    /// whatever the connection runs next, for the next borrower of a pooled connection.
    func runCancellable<T: Sendable>(unsentIfCancelled: Bool = true,
                                     _ body: @escaping @Sendable (PGHandle) throws(DatabaseError) -> T) async throws(DatabaseError) -> T {
        let cancelled = Locked(false)
        let call = PGHandle.nextCall.withLock { n -> UInt64 in n += 1; return n }
        let result: Result<T, DatabaseError> = await withTaskCancellationHandler {
            do throws(DatabaseError) {
                return .success(try await run { handle throws(DatabaseError) in
                    if unsentIfCancelled, cancelled.withLock({ $0 }) {
                        throw DatabaseError(kind: .query, message: "canceling statement due to user request (cancelled before it was sent)",
                                            sqlState: "57014")
                    }
                    handle.cancelLock.sync { handle.runningCall = call }
                    // Waits for a cancel request being sent, so none reaches the server after this returns.
                    defer { handle.cancelLock.sync { handle.runningCall = nil } }
                    return try body(handle)
                })
            } catch { return .failure(error) }
        } onCancel: {
            cancelled.withLock { $0 = true }
            self.requestCancel(call)
        }
        return try result.get()
    }

    private func noteStatus() {
        guard let conn else { isBroken = true; transactionStatus = PQTRANS_UNKNOWN; return }
        isBroken = PQstatus(conn) != CONNECTION_OK
        transactionStatus = PQtransactionStatus(conn)
    }

    /// Asks the server to cancel the running statement, if it is still call `call`'s.
    private func requestCancel(_ call: UInt64) {
        cancelLock.async {
            guard self.runningCall == call, let token = self.cancelToken else { return }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(token, &buffer, 256)
        }
    }

    // MARK: On `queue` only

    /// Opens (or reopens) the connection and sets the session up for our decoders.
    func connect() throws(DatabaseError) {
        close()
        guard let c = PQconnectdb(url) else {
            throw DatabaseError(kind: .connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(c) == CONNECTION_OK else {
            let message = Self.trimmed(PQerrorMessage(c))
            PQfinish(c)
            throw DatabaseError(kind: .connection, message: "cannot connect to PostgreSQL: \(message)",
                                hint: "check DATABASE_URL (for development: `export DATABASE_URL=$(scripts/pg start)`)")
        }
        conn = c
        // Notices (and the server's goodbye when it shuts down) go to the logger, not to stderr.
        PQsetNoticeReceiver(c, { context, result in
            guard let context, let result else { return }
            let handle = Unmanaged<PGHandle>.fromOpaque(context).takeUnretainedValue()
            let severity = PQresultErrorField(result, Int32(UInt8(ascii: "V"))).map { String(cString: $0) } ?? "NOTICE"
            let message = PGHandle.trimmed(PQresultErrorMessage(result))
            switch severity {
            case "WARNING", "ERROR", "FATAL", "PANIC": handle.logger.warning("\(message)")
            default: handle.logger.debug("\(message)")
            }
        }, Unmanaged.passUnretained(self).toOpaque())
        let token = PQgetCancel(c)
        cancelLock.sync {
            if let old = cancelToken { PQfreeCancel(old) }
            cancelToken = token
        }
        PQsetClientEncoding(c, "UTF8")
        // The timestamp decoder reads ISO output; bytea must be hex.
        try execSimple("SET DateStyle TO 'ISO, MDY'; SET bytea_output TO 'hex'")
        noteStatus()
    }

    func close() {
        statements.removeAll()
        columnsBySQL.removeAll()
        cancelLock.sync {
            if let old = cancelToken { PQfreeCancel(old) }
            cancelToken = nil
        }
        if let conn { PQfinish(conn) }
        conn = nil
        isBroken = true
    }

    /// Reconnects when the server went away while the connection sat idle (a restart closes every
    /// socket; libpq notices only when it next reads).
    func healthCheck() throws(DatabaseError) {
        checkBeforeNextUse = false
        guard let conn, PQstatus(conn) == CONNECTION_OK else { return try connect() }
        var pfd = pollfd(fd: PQsocket(conn), events: Int16(POLLIN), revents: 0)
        if poll(&pfd, 1, 0) > 0 {
            if PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK { return try connect() }
            drainNotifications()
        }
    }

    func live() throws(DatabaseError) -> OpaquePointer {
        guard let conn else { throw DatabaseError(kind: .connection, message: "the connection is closed") }
        return conn
    }

    /// A statement with `$n` parameters (extended protocol, text results).
    func execParams(_ sql: String, _ binds: [SQLBind]) throws(DatabaseError) -> OpaquePointer {
        let conn = try live()
        let count = binds.count
        var types = [Oid](repeating: 0, count: count)
        var lengths = [Int32](repeating: 0, count: count)
        var formats = [Int32](repeating: 0, count: count)
        var total = 0
        for (i, bind) in binds.enumerated() {
            types[i] = Oid(bind.type.oid)
            formats[i] = bind.isBinary ? 1 : 0
            if let bytes = bind.bytes {
                lengths[i] = Int32(bytes.count)
                total += bytes.count + 1
            }
        }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(total, 1))
        defer { storage.deallocate() }
        var values = [UnsafePointer<CChar>?](repeating: nil, count: count)
        var offset = 0
        for (i, bind) in binds.enumerated() {
            guard let bytes = bind.bytes else { continue }
            bytes.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { (storage + offset).update(from: base, count: source.count) }
            }
            storage[offset + bytes.count] = 0
            values[i] = UnsafeRawPointer(storage + offset).assumingMemoryBound(to: CChar.self)
            offset += bytes.count + 1
        }
        guard count > 0, let name = try prepared(sql, types: types) else {
            return try check(PQexecParams(conn, sql, Int32(count), types, values, lengths, formats, 0), sql: sql)
        }
        do {
            return try check(PQexecPrepared(conn, name, Int32(count), values, lengths, formats, 0), sql: sql)
        } catch where error.sqlState == "0A000" && error.message.contains("cached plan must not change result type") {
            // A table the statement reads changed shape (a migration): prepare it afresh. Outside a
            // transaction it runs again at once; inside one, the transaction is already failed.
            statements = statements.filter { $0.value != name }
            _ = PQexec(conn, "DEALLOCATE \(name)").map { PQclear($0) }
            guard transactionStatusNow == PQTRANS_IDLE else { throw error }
            return try check(PQexecParams(conn, sql, Int32(count), types, values, lengths, formats, 0), sql: sql)
        }
    }

    /// The name of `sql` prepared with parameters of `types`, preparing it first if needed; nil to
    /// run it unprepared (in a failed transaction, where only ROLLBACK is accepted).
    private func prepared(_ sql: String, types: [Oid]) throws(DatabaseError) -> String? {
        let key = StatementKey(sql: sql, types: types)
        if let name = statements[key] { return name }
        let conn = try live()
        let status = transactionStatusNow
        guard status == PQTRANS_IDLE || status == PQTRANS_INTRANS else { return nil }
        if statements.count >= Self.statementLimit {
            guard status == PQTRANS_IDLE else { return nil }
            PQclear(try check(PQexec(conn, "DEALLOCATE ALL"), sql: "DEALLOCATE ALL"))
            statements.removeAll()
        }
        statementsPrepared += 1
        // Names come from a counter, not from input.
        let name = "wbl_\(statementsPrepared)"
        PQclear(try check(PQprepare(conn, name, sql, Int32(types.count), types), sql: sql))
        statements[key] = name
        return name
    }

    private var transactionStatusNow: PGTransactionStatusType {
        conn.map { PQtransactionStatus($0) } ?? PQTRANS_UNKNOWN
    }

    /// Statements without parameters through the simple protocol (several may be separated by `;`).
    func execSimple(_ sql: String) throws(DatabaseError) {
        let conn = try live()
        PQclear(try check(PQexec(conn, sql), sql: sql))
    }

    /// Turns a failed result into a `DatabaseError`; returns successful ones (the caller clears them).
    func check(_ result: OpaquePointer?, sql: String, allowCopy: Bool = false) throws(DatabaseError) -> OpaquePointer {
        guard let result else { throw connectionError(sql: sql) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return result
        case PGRES_COPY_IN where allowCopy, PGRES_COPY_OUT where allowCopy:
            return result
        case PGRES_COPY_IN, PGRES_COPY_OUT:
            PQclear(result)
            abortCopy()
            throw DatabaseError(kind: .usage, message: "a COPY statement was sent through query/execute; use copyIn or copyOut", query: sql)
        default:
            let error = Self.error(from: result, sql: sql, connectionBroken: PQstatus(conn) != CONNECTION_OK)
            PQclear(result)
            throw error
        }
    }

    func connectionError(sql: String?) -> DatabaseError {
        let message = conn.map { Self.trimmed(PQerrorMessage($0)) } ?? "the connection is closed"
        return DatabaseError(kind: .connection, message: message.isEmpty ? "the connection to PostgreSQL was lost" : message, query: sql)
    }

    /// Ends a COPY the server started when we did not expect one, and discards its results.
    func abortCopy() {
        guard let conn else { return }
        _ = PQputCopyEnd(conn, "COPY is not supported through query/execute")
        while let result = PQgetResult(conn) { PQclear(result) }
    }

    func drainNotifications() {
        guard let conn else { return }
        while let note = PQnotifies(conn) {
            pendingNotifications.append(DatabaseNotification(
                channel: String(cString: note.pointee.relname),
                payload: note.pointee.extra.map { String(cString: $0) } ?? "",
                senderPID: note.pointee.be_pid))
            PQfreemem(note)
        }
    }

    static func error(from result: OpaquePointer, sql: String?, connectionBroken: Bool) -> DatabaseError {
        func field(_ code: Character) -> String? {
            guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let sqlState = field("C")
        let primary = field("M") ?? trimmed(PQresultErrorMessage(result))
        return DatabaseError(kind: connectionBroken && sqlState == nil ? .connection : .query,
                             message: primary.isEmpty ? "the connection to PostgreSQL was lost" : primary,
                             sqlState: sqlState, detail: field("D"), hint: field("H"),
                             constraint: field("n"), table: field("t"), column: field("c"), query: sql)
    }

    /// The rows of `result`, a result of `sql`.
    func rows(of result: OpaquePointer, sql: String) -> [Row] {
        guard PQnfields(result) > 0 else { return [] }
        if let known = columnsBySQL[sql], Self.columns(known, describe: result) {
            return Self.rows(of: result, columns: known)
        }
        let columns = Self.columns(of: result)
        if columnsBySQL.count >= Self.statementLimit { columnsBySQL.removeAll() }
        columnsBySQL[sql] = columns
        return Self.rows(of: result, columns: columns)
    }

    private static func columns(of result: OpaquePointer) -> RowColumns {
        var names: [String] = []
        var types: [SQLType] = []
        for f in 0..<PQnfields(result) {
            names.append(String(cString: PQfname(result, f)))
            types.append(SQLType(oid: UInt32(PQftype(result, f))))
        }
        return RowColumns(names: names, types: types)
    }

    /// Whether `columns` has exactly the names and types of `result`'s (compared in place, nothing copied).
    private static func columns(_ columns: RowColumns, describe result: OpaquePointer) -> Bool {
        let fieldCount = PQnfields(result)
        guard columns.names.count == Int(fieldCount) else { return false }
        for f in 0..<fieldCount {
            guard columns.types[Int(f)] == SQLType(oid: UInt32(PQftype(result, f))) else { return false }
            let name = PQfname(result, f)!
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: strlen(name))
            guard columns.names[Int(f)].utf8.elementsEqual(bytes) else { return false }
        }
        return true
    }

    private static func rows(of result: OpaquePointer, columns: RowColumns) -> [Row] {
        let fieldCount = PQnfields(result)
        let rowCount = PQntuples(result)
        var rows: [Row] = []
        rows.reserveCapacity(Int(rowCount))
        for r in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(Int(fieldCount))
            for f in 0..<fieldCount {
                if PQgetisnull(result, r, f) == 1 { values.append(nil); continue }
                let length = Int(PQgetlength(result, r, f))
                let bytes = UnsafeRawPointer(PQgetvalue(result, r, f)!).assumingMemoryBound(to: UInt8.self)
                values.append(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self))
            }
            rows.append(Row(columns: columns, values: values))
        }
        return rows
    }

    static func affectedRows(of result: OpaquePointer) -> Int {
        Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "" }
        var text = String(cString: message)
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return text
    }
}

/// A prepared statement's identity: the same text with other parameter types is another statement.
struct StatementKey: Hashable {
    var sql: String
    var types: [Oid]
}
