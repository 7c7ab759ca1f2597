/// A bearer token as the users page lists it (the secret is never stored, only its SHA-256).
public struct APIToken: Sendable, Equatable {
    public var id: Int64
    public var userID: Int64
    public var userEmail: String
    public var name: String
    public var createdAt: String
    public var lastUsedAt: String?
    public var revokedAt: String?
}
