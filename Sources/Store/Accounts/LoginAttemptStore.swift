import Database

/// The `login_attempts` table, for sign-in rate limiting.
public struct LoginAttemptStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// Records an attempt to sign in as `email` from `address`.
    public func record(email: String, address: String, succeeded: Bool) async throws {
        try await pool.withConnection { conn in
            _ = try await conn.execute(AccountQueries.insertLoginAttempt, [email, address, succeeded])
        }
    }

    /// Failed attempts within the last `windowSeconds`, for this email and from this address.
    public func recentFailures(email: String, address: String, windowSeconds: Double) async throws -> (byEmail: Int, byAddress: Int) {
        try await pool.withConnection { conn in
            let row = try await conn.query(AccountQueries.recentFailures, [email, address, windowSeconds])[0]
            return (Int(try row.decode("by_email", as: Int64.self)), Int(try row.decode("by_address", as: Int64.self)))
        }
    }

    /// Forgets attempts older than `seconds`.
    public func deleteOlderThan(seconds: Double) async throws {
        try await pool.withConnection { conn in
            _ = try await conn.execute(AccountQueries.deleteOldLoginAttempts, [seconds])
        }
    }
}
