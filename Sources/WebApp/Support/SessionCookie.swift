/// The session cookie's name and the key prefix of its rows in `web_sessions`.
enum SessionCookie {
    static let name = "wbl_session"
    static let keyPrefix = "hbs."
}
