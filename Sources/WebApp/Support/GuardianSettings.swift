/// What guardian emails need: where the app is reached (for links), who sends, the local zone.
public struct GuardianSettings: Sendable {
    /// `PUBLIC_URL`, without a trailing slash: links are `\(publicURL)/guardian/consent/<token>`.
    public var publicURL: String
    /// `MAIL_FROM`.
    public var mailFrom: String
    /// The consortium's IANA zone (dates a guardian signs and reads).
    public var timeZone: String

    /// Makes settings; the defaults suit development.
    public init(publicURL: String = "http://127.0.0.1:8080", mailFrom: String = "WBLMatch <wblmatch@localhost>",
                timeZone: String = "America/Denver") {
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.mailFrom = mailFrom
        self.timeZone = timeZone
    }
}
