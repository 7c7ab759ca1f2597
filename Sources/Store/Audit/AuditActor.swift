import Database

/// Who an audited change is made by. The database's audit triggers (sql/0030) read it from
/// transaction-local settings, which ``stamp(on:)`` sets; a change made without a stamp is
/// recorded as `system`.
///
/// ```swift
/// try await pool.withAuditedTransaction(as: AuditActor(user)) { conn in
///     try await conn.execute("UPDATE slots SET capacity = $1 WHERE id = $2", [3, slotID])
/// }
/// ```
/// A web request sets ``current`` for its task, so repositories deep below can stamp without
/// being handed the user: `pool.withAuditedTransaction { conn in … }`.
public struct AuditActor: Sendable, Hashable {
    /// users.id, nil for the system or a person without an account (a guardian).
    public var userID: Int64?
    /// The name the log shows: an email, `system`, or `guardian:<request id>`.
    public var name: String

    /// Makes an actor.
    public init(userID: Int64?, name: String) {
        self.userID = userID
        self.name = name
    }

    /// The acting user of an import, form or API call.
    public init(_ user: ActingUser) {
        self.init(userID: user.isBootstrap ? nil : Int64(user.id), name: user.email)
    }

    /// Jobs, migrations and anything else not done by a person.
    public static let system = AuditActor(userID: nil, name: "system")

    /// The actor of the running task (a web request sets it); `system` when none is set.
    @TaskLocal public static var current: AuditActor = .system

    /// Makes this actor the author of the changes the rest of `conn`'s transaction makes.
    /// Must run inside a transaction (the settings are transaction-local).
    public func stamp(on conn: Connection) async throws {
        guard conn.isInTransaction else {
            throw DatabaseError(kind: .usage, message: "AuditActor.stamp needs an open transaction: the actor would be forgotten at the end of this statement",
                                hint: "call it inside pool.withTransaction { conn in … }")
        }
        try await conn.execute(AuditQueries.stamp, [name, userID.map(String.init) ?? ""])
    }
}

extension DatabasePool {
    /// A transaction whose changes the audit triggers attribute to `actor` (by default the task's
    /// ``AuditActor/current``: the web request's user, else `system`).
    public func withAuditedTransaction<T>(
        as actor: AuditActor = .current, isolation: isolated (any Actor)? = #isolation,
        _ body: (Connection) async throws -> T
    ) async throws -> T {
        try await withTransaction(isolation: isolation) { conn in
            try await actor.stamp(on: conn)
            return try await body(conn)
        }
    }
}
