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

    /// The unexpired session's JSON and seconds to live. When the session JSON names a user (`userID`), that user's account
    /// (without its password hash) is added to it under `_account`, so a web request reads its
    /// session and its signed-in user in one query. The stored value is unchanged.
    public func findWithAccount(key: String) async throws -> (json: String, ttlSeconds: Double)? {
        try await pool.withConnection { conn in
            guard let row = try await conn.query(AccountQueries.sessionWithAccount, [key]).first else { return nil }
            return (try row.decode("value", as: String.self), try row.decode("ttl", as: Double.self))
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
