/// What `wblmatch serve` and the tests set: address, bcrypt cost, cookie and sign-in limits.
public struct WebAppConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// bcrypt cost for new passwords (12 in production; tests use 4).
    public var bcryptCost: UInt8
    /// Set the session cookie's `Secure` flag (when the app is reached over https).
    public var secureCookies: Bool
    /// How long a signed-in session lasts without use.
    public var sessionLifetime: Duration
    /// Failed sign-ins allowed per email within `loginWindow` before sign-in is refused.
    public var maxFailuresPerEmail: Int
    /// Failed sign-ins allowed per client address within `loginWindow`.
    public var maxFailuresPerAddress: Int
    /// The rate-limiting window.
    public var loginWindow: Duration
    /// Links, sender and time zone of guardian emails and the consent page.
    public var guardians = GuardianSettings()

    public init(host: String = "127.0.0.1", port: Int = 8080, bcryptCost: UInt8 = 12, secureCookies: Bool = false,
                sessionLifetime: Duration = .seconds(8 * 3600), maxFailuresPerEmail: Int = 5,
                maxFailuresPerAddress: Int = 30, loginWindow: Duration = .seconds(15 * 60)) {
        self.host = host
        self.port = port
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.maxFailuresPerEmail = maxFailuresPerEmail
        self.maxFailuresPerAddress = maxFailuresPerAddress
        self.loginWindow = loginWindow
    }
}
