/// A person who signs in to the web app: a row of `users`. A session is read with its user's account
/// (`SessionRecordStore.findWithAccount`), which never carries the password hash.
public struct UserAccount: Sendable, Equatable {
    public var id: Int64
    /// Unique regardless of case.
    public var email: String
    public var name: String
    public var role: UserRole
    /// The school, EDC, juvenile-services office, employer or consortium the user belongs to.
    public var organizationID: Int64?
    /// Coordinators see juvenile-services data only with this permission.
    public var canViewJuvenile: Bool
    /// A disabled account cannot sign in, and its sessions and API tokens stop working.
    public var disabled: Bool
    /// The bcrypt hash of the password; nil when the user cannot sign in with one.
    public var passwordHash: String?

    public init(id: Int64, email: String, name: String, role: UserRole, organizationID: Int64?,
                canViewJuvenile: Bool, disabled: Bool, passwordHash: String?) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.organizationID = organizationID
        self.canViewJuvenile = canViewJuvenile
        self.disabled = disabled
        self.passwordHash = passwordHash
    }
}
