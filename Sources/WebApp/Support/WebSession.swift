/// What the session cookie points at, stored as JSON in PostgreSQL by ``PostgresPersistDriver``.
///
/// An anonymous visitor gets a session (with no `userID`) only when a page shows a form, so the
/// sign-in form carries a CSRF token too. Signing in always starts a new session (a new id).
public struct WebSession: Codable, Sendable, Equatable {
    /// The signed-in user, or nil before sign-in.
    public var userID: Int64?
    /// The CSRF token every state-changing form of this session must send back as `_csrf`.
    public var csrfToken: String
    /// A one-time message shown on the next page ("Choices saved.").
    public var flash: String?

    /// A session for `userID` with a fresh CSRF token.
    public init(userID: Int64? = nil, csrfToken: String = SecureToken.make(), flash: String? = nil) {
        self.userID = userID
        self.csrfToken = csrfToken
        self.flash = flash
    }
}
