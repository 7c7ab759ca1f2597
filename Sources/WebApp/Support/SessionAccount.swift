import Store

/// The signed-in user's account as ``PostgresPersistDriver`` reads it together with the session
/// (one query for both, see `SessionRecordStore.findWithAccount`). Lives only in memory for one
/// request: ``WebSession`` never stores it, and it carries no password hash.
public struct SessionAccount: Codable, Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var name: String
    public var role: UserRole
    public var organizationID: Int64?
    public var canViewJuvenile: Bool
    public var disabled: Bool

    /// The account as the rest of the app knows it (no password hash: not needed to authenticate a session).
    public var userAccount: UserAccount {
        UserAccount(id: id, email: email, name: name, role: role, organizationID: organizationID,
                    canViewJuvenile: canViewJuvenile, disabled: disabled, passwordHash: nil)
    }
}
