import Store

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
    /// The account of `userID` as read with the session in the same query (never stored, not
    /// part of equality); nil when the store did not provide it or the user no longer exists.
    public var account: UserAccount?

    /// A session for `userID` with a fresh CSRF token.
    public init(userID: Int64? = nil, csrfToken: String = SecureToken.make(), flash: String? = nil) {
        self.userID = userID
        self.csrfToken = csrfToken
        self.flash = flash
    }

    enum CodingKeys: String, CodingKey {
        case userID, csrfToken, flash
        /// The key `SessionRecordStore.findWithAccount` adds to the stored JSON when reading it.
        case account = "_account"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        userID = try c.decodeIfPresent(Int64.self, forKey: .userID)
        csrfToken = try c.decode(String.self, forKey: .csrfToken)
        flash = try c.decodeIfPresent(String.self, forKey: .flash)
        // An account that does not decode (an unknown role) is read again by the authenticator,
        // which reports it as it always did.
        account = try? c.decodeIfPresent(UserAccount.self, forKey: .account)
    }

    /// Stores the session's own fields only: the account is read fresh on every request.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(userID, forKey: .userID)
        try c.encode(csrfToken, forKey: .csrfToken)
        try c.encodeIfPresent(flash, forKey: .flash)
    }

    public static func == (a: WebSession, b: WebSession) -> Bool {
        a.userID == b.userID && a.csrfToken == b.csrfToken && a.flash == b.flash
    }
}
