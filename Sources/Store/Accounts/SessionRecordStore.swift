import Database

/// The `web_sessions` table: session data as JSON text, with an expiry.
public struct SessionRecordStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// Stores a new session; returns false when the key already exists.
    public func insert(key: String, json: String, expiresInSeconds: Double) async throws -> Bool {
        do {
            try await pool.withConnection { conn in
                _ = try await conn.execute(AccountQueries.insertSession, [key, json, expiresInSeconds])
            }
            return true
        } catch let error as DatabaseError where error.isUniqueViolation {
            return false
        }
    }

    /// Stores or replaces a session; nil `expiresInSeconds` keeps the current expiry.
    public func upsert(key: String, json: String, expiresInSeconds: Double?) async throws {
        try await pool.withConnection { conn in
            _ = try await conn.execute(AccountQueries.upsertSession, [key, json, expiresInSeconds])
        }
    }

    /// The unexpired session, with the account of the user its JSON names (`userID`), in one query.
    public func findWithAccount(key: String) async throws -> SessionRecord? {
        try await pool.withConnection { conn in
            guard let row = try await conn.query(AccountQueries.sessionWithAccount, [key]).first else { return nil }
            return try SessionRecord(row)
        }
    }

    /// Deletes a session.
    public func delete(key: String) async throws {
        try await pool.withConnection { conn in
            _ = try await conn.execute(AccountQueries.deleteSession, [key])
        }
    }

    /// Deletes expired sessions; returns how many.
    @discardableResult
    public func deleteExpired() async throws -> Int {
        try await pool.withConnection { conn in
            try await conn.execute(AccountQueries.deleteExpiredSessions, [])
        }
    }
}

/// A stored session as read by ``SessionRecordStore/findWithAccount(key:)``.
///
/// Besides the stored JSON, the fields the web app keeps in it (`userID`, `csrfToken`, `flash`)
/// come as columns, so a request's session is read without decoding JSON.
public struct SessionRecord: Sendable {
    /// The session as stored.
    public var json: String
    public var ttlSeconds: Double
    /// The JSON's `userID`, `csrfToken` and `flash` members as text (nil when absent or null).
    public var userID: String?
    public var csrfToken: String?
    public var flash: String?
    /// The account of the user `userID` names; nil when there is none or its role is unknown.
    public var account: UserAccount?

    init(_ row: Row) throws {
        json = try row.decode("value")
        ttlSeconds = try row.decode("ttl")
        userID = try row.decode("user_id")
        csrfToken = try row.decode("csrf_token")
        flash = try row.decode("flash")
        if let id = try row.decode("account_id", as: Int64?.self), let role = UserRole(rawValue: try row.decode("role")) {
            account = UserAccount(id: id, email: try row.decode("email"), name: try row.decode("name"), role: role,
                                  organizationID: try row.decode("organization_id"), canViewJuvenile: try row.decode("can_view_juvenile"),
                                  disabled: try row.decode("disabled"), passwordHash: nil)
        }
    }
}
