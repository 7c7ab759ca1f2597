import Database

/// Reads and changes `users` for sign-in, the users page and `wblmatch user`.
public struct UserAccountStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// The user with this email (any case), or nil.
    public func find(email: String) async throws -> UserAccount? {
        try await pool.withConnection { conn in
            try await conn.query(AccountQueries.userByEmail, [email]).first.map(Self.account)
        }
    }

    /// The user with this id, or nil.
    public func find(id: Int64) async throws -> UserAccount? {
        try await pool.withConnection { conn in
            try await conn.query(AccountQueries.userByID, [id]).first.map(Self.account)
        }
    }

    /// Every user, by name.
    public func all() async throws -> [UserAccount] {
        try await pool.withConnection { conn in
            try await conn.query(AccountQueries.allUsers, []).map(Self.account)
        }
    }

    /// Adds a user; a taken email throws a `DatabaseError` whose `isUniqueViolation` is true.
    public func create(email: String, name: String, role: UserRole, organizationID: Int64?,
                       canViewJuvenile: Bool = false, passwordHash: String) async throws -> UserAccount {
        try await pool.withConnection { conn in
            let rows = try await conn.query(AccountQueries.insertUser, [email, name, role.rawValue, organizationID, canViewJuvenile, passwordHash])
            return try Self.account(rows[0])
        }
    }

    /// The id of the organization whose code is `code` (`clovis-hs`), or nil.
    public func organizationID(code: String) async throws -> Int64? {
        try await pool.withConnection { conn in
            try await conn.query(AccountQueries.organizationByCode, [code]).first?.decode("id", as: Int64.self)
        }
    }

    /// Changes a user's role and organization; false when there is no such user.
    @discardableResult
    public func setRole(userID: Int64, role: UserRole, organizationID: Int64?) async throws -> Bool {
        try await pool.withConnection { conn in
            try await conn.execute(AccountQueries.setRole, [userID, role.rawValue, organizationID]) > 0
        }
    }

    /// Disables or enables a user; false when there is no such user.
    @discardableResult
    public func setDisabled(userID: Int64, _ disabled: Bool) async throws -> Bool {
        try await pool.withConnection { conn in
            try await conn.execute(AccountQueries.setDisabled, [userID, disabled]) > 0
        }
    }

    /// Replaces a user's password hash; false when there is no such user.
    @discardableResult
    public func setPasswordHash(userID: Int64, _ hash: String) async throws -> Bool {
        try await pool.withConnection { conn in
            try await conn.execute(AccountQueries.setPassword, [userID, hash]) > 0
        }
    }

    static func account(_ row: Row) throws -> UserAccount {
        let roleCode = try row.decode("role", as: String.self)
        guard let role = UserRole(rawValue: roleCode) else {
            throw AccountDataError(message: "users.role holds '\(roleCode)', which is not a known role")
        }
        return UserAccount(
            id: try row.decode("id", as: Int64.self),
            email: try row.decode("email", as: String.self),
            name: try row.decode("name", as: String.self),
            role: role,
            organizationID: try row.decode("organization_id", as: Int64?.self),
            canViewJuvenile: try row.decode("can_view_juvenile", as: Bool.self),
            disabled: try row.decode("disabled", as: Bool.self),
            passwordHash: try row.decode("password_hash", as: String?.self)
        )
    }
}
