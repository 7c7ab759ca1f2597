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
    /// part of equality); nil when the store did not provide it, the user no longer exists or her
    /// role is unknown (the authenticator then reads her again and reports it).
    public var account: UserAccount?

    /// A session for `userID` with a fresh CSRF token.
    public init(userID: Int64? = nil, csrfToken: String = SecureToken.make(), flash: String? = nil) {
        self.userID = userID
        self.csrfToken = csrfToken
        self.flash = flash
    }

    enum CodingKeys: String, CodingKey {
        case userID, csrfToken, flash
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        userID = try c.decodeIfPresent(Int64.self, forKey: .userID)
        csrfToken = try c.decode(String.self, forKey: .csrfToken)
        flash = try c.decodeIfPresent(String.self, forKey: .flash)
    }

    /// The session read from its columns, with its user's account; nil when the stored JSON is not
    /// a plain session (no token, or a `userID` that is not a whole number), which is then decoded
    /// from the JSON and reported as it always was.
    init?(record: SessionRecord) {
        guard let token = record.csrfToken else { return nil }
        if let text = record.userID {
            guard let id = Int64(text) else { return nil }
            userID = id
        }
        csrfToken = token
        flash = record.flash
        account = record.account
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
