/// An error from the database layer: a failed connection, a statement PostgreSQL rejected,
/// a value that could not be decoded, a pool that timed out or was closed.
///
/// PostgreSQL's own fields are kept so callers can react to a class of failure:
/// ```swift
/// do { try await pool.execute(StudentQueries.insert, [externalID, schoolID]) }
/// catch let error as DatabaseError where error.isUniqueViolation { ... }
/// ```
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: String, Sendable {
        /// The connection could not be opened, or was lost.
        case connection
        /// PostgreSQL rejected a statement (see `sqlState`).
        case query
        /// A column's value could not be turned into the Swift type asked for.
        case decoding
        /// No connection became free within the pool's acquire timeout.
        case poolTimeout
        /// The pool was closed.
        case poolClosed
        /// A migration is missing, changed or failed.
        case migration
        /// The library was used in a way it does not support (for example a COPY statement through `query`).
        case usage
    }

    /// What went wrong, broadly.
    public var kind: Kind
    /// The primary message (PostgreSQL's, or ours).
    public var message: String
    /// The five-character SQLSTATE code, when PostgreSQL sent one (e.g. `23505`).
    public var sqlState: String?
    /// PostgreSQL's DETAIL line.
    public var detail: String?
    /// PostgreSQL's HINT line.
    public var hint: String?
    /// The name of the violated constraint, for integrity violations.
    public var constraint: String?
    /// The table involved, when PostgreSQL names one.
    public var table: String?
    /// The column involved, when PostgreSQL names one.
    public var column: String?
    /// The statement that failed (the SQL text with its `$n` placeholders, never the bound values).
    public var query: String?

    /// Makes an error; most are made by the library itself.
    public init(kind: Kind, message: String, sqlState: String? = nil, detail: String? = nil, hint: String? = nil,
                constraint: String? = nil, table: String? = nil, column: String? = nil, query: String? = nil) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
        self.query = query
    }

    /// A unique or primary-key constraint was violated (SQLSTATE 23505).
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// A foreign-key constraint was violated (SQLSTATE 23503).
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    /// A CHECK constraint was violated (SQLSTATE 23514).
    public var isCheckViolation: Bool { sqlState == "23514" }
    /// A NOT NULL constraint was violated (SQLSTATE 23502).
    public var isNotNullViolation: Bool { sqlState == "23502" }
    /// A serializable or repeatable-read transaction must be retried (40001), or was chosen as a deadlock victim (40P01).
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }
    /// The connection failed or was lost: the server is down, restarting, or refused us.
    /// Class 08, admin shutdown 57P01, crash shutdown 57P02, cannot-connect-now 57P03.
    public var isConnectionFailure: Bool {
        if kind == .connection { return true }
        guard let state = sqlState else { return false }
        return state.hasPrefix("08") || state == "57P01" || state == "57P02" || state == "57P03"
    }

    public var description: String {
        var text = "database \(kind.rawValue) error"
        if let sqlState { text += " [\(sqlState)]" }
        text += ": \(message)"
        if let detail { text += "\nDETAIL: \(detail)" }
        if let hint { text += "\nHINT: \(hint)" }
        if let constraint { text += "\nCONSTRAINT: \(constraint)" }
        if let query { text += "\nQUERY: \(query)" }
        return text
    }
}
