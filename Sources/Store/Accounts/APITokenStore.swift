import Database

/// The `api_tokens` table: bearer tokens for `/api/v1`, kept as SHA-256 digests.
public struct APITokenStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// Stores a token whose secret is `secret` (made by the caller, shown once) for `userID`; returns its id.
    /// The issue is written to the audit log (as ``AuditActor/current``), never the secret.
    public func create(userID: Int64, name: String, secret: String) async throws -> Int64 {
        try await pool.withAuditedTransaction { conn in
            let id = try await conn.query(AccountQueries.insertToken, [userID, name, secret])[0].decode("id", as: Int64.self)
            _ = try await conn.execute(AccountQueries.auditToken, ["api_token.issue", id])
            return id
        }
    }

    /// Every token (never its secret), newest first, with its owner.
    public func all() async throws -> [APIToken] {
        try await pool.query(AccountQueries.allTokens).map { row in
            APIToken(id: try row.decode("id"), userID: try row.decode("user_id"), userEmail: try row.decode("email"),
                     name: try row.decode("name"), createdAt: try row.decode("created_at"),
                     lastUsedAt: try row.decode("last_used_at"), revokedAt: try row.decode("revoked_at"))
        }
    }

    /// The enabled user who owns the unrevoked token `secret`, or nil.
    public func user(forToken secret: String) async throws -> UserAccount? {
        try await pool.withConnection { conn in
            try await conn.query(AccountQueries.userByToken, [secret]).first.map(UserAccountStore.account)
        }
    }

    /// Revokes a token of `userID` (audited); false when there is no such live token.
    @discardableResult
    public func revoke(tokenID: Int64, userID: Int64) async throws -> Bool {
        try await pool.withAuditedTransaction { conn in
            guard try await conn.execute(AccountQueries.revokeToken, [tokenID, userID]) > 0 else { return false }
            _ = try await conn.execute(AccountQueries.auditToken, ["api_token.revoke", tokenID])
            return true
        }
    }
}
