import Foundation

/// Everything WBLMatch reads from the environment, read in one place.
/// Every missing or malformed variable is reported at once; CLI flags override these values.
struct AppConfig: Sendable {
    var databaseURL: String
    var smtpURL: String?
    var mailFrom: String
    var host: String
    var port: Int
    var logLevel: String
    var timeZone: TimeZone
    var outboxDirectory: String
    /// The address people use to reach the web app, for links in emails.
    var publicURL: String
    /// bcrypt cost for passwords (BCRYPT_COST, 4–31, default 12).
    var bcryptCost: UInt8

    struct Problems: Error, CustomStringConvertible {
        var messages: [String]
        var description: String { messages.joined(separator: "\n") }
    }

    init(environment env: [String: String] = ProcessInfo.processInfo.environment) throws {
        var problems: [String] = []
        databaseURL = env["DATABASE_URL"] ?? ""
        if databaseURL.isEmpty {
            problems.append("DATABASE_URL is not set: give a libpq URI (postgresql://user@host:5432/wblmatch) or key=value string; `scripts/pg url` prints the development one")
        }
        smtpURL = env["SMTP_URL"].flatMap { $0.isEmpty ? nil : $0 }
        mailFrom = env["MAIL_FROM"] ?? "WBLMatch <wblmatch@localhost>"
        host = env["HOST"] ?? "127.0.0.1"
        port = 8080
        if let raw = env["PORT"] {
            if let value = Int(raw), (1...65535).contains(value) { port = value }
            else { problems.append("PORT=\(raw) is not a port number (1–65535)") }
        }
        logLevel = env["LOG_LEVEL"] ?? "info"
        if !["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(logLevel) {
            problems.append("LOG_LEVEL=\(logLevel) is not one of trace, debug, info, notice, warning, error, critical")
        }
        let zoneName = env["TZ"].flatMap { $0.isEmpty ? nil : $0 } ?? "America/Denver"
        if let zone = TimeZone(identifier: zoneName) { timeZone = zone }
        else {
            timeZone = TimeZone(identifier: "America/Denver")!
            problems.append("TZ=\(zoneName) is not an IANA time zone (e.g. America/Denver)")
        }
        outboxDirectory = env["OUTBOX_DIR"] ?? ".local/outbox"
        publicURL = env["PUBLIC_URL"] ?? "http://\(host):\(port)"
        bcryptCost = 12
        if let raw = env["BCRYPT_COST"] {
            if let value = UInt8(raw), (4...31).contains(value) { bcryptCost = value }
            else { problems.append("BCRYPT_COST=\(raw) is not a bcrypt cost (4–31)") }
        }
        if !problems.isEmpty { throw Problems(messages: problems) }
    }
}
