import Database

/// The `api_tokens` table: bearer tokens for `/api/v1`, kept as SHA-256 digests.
public struct APITokenStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// Stores a token whose secret is `secret` (made by the caller, shown once) for `userID`; returns its id.
    public func create(userID: Int64, name: String, secret: String) async throws -> Int64 {
        try await pool.withConnection { conn in
            try await conn.query(AccountQueries.insertToken, [userID, name, secret])[0].decode("id", as: Int64.self)
        }
    }

    /// The enabled user who owns the unrevoked token `secret`, or nil.
    public func user(forToken secret: String) async throws -> UserAccount? {
        try await pool.withConnection { conn in
            try await conn.query(AccountQueries.userByToken, [secret]).first.map(UserAccountStore.account)
        }
    }

    /// Revokes a token of `userID`; false when there is no such live token.
    @discardableResult
    public func revoke(tokenID: Int64, userID: Int64) async throws -> Bool {
        try await pool.withConnection { conn in
            try await conn.execute(AccountQueries.revokeToken, [tokenID, userID]) > 0
        }
    }
}
