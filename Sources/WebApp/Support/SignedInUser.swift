import Store

/// The person behind a request, loaded from `users` on every request (so a disabled account or a
/// changed role takes effect at once).
public struct SignedInUser: Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var name: String
    public var role: UserRole
    /// The school, EDC, juvenile-services office or employer the user belongs to.
    public var organizationID: Int64?
    /// Coordinators only see juvenile-services data with this permission.
    public var canViewJuvenile: Bool

    public init(_ account: UserAccount) {
        id = account.id
        email = account.email
        name = account.name
        role = account.role
        organizationID = account.organizationID
        canViewJuvenile = account.canViewJuvenile
    }

    /// True when the user has one of `roles`.
    public func isOne(of roles: [UserRole]) -> Bool { roles.contains(role) }
}
