import Foundation

/// Where and how ``SMTPTransport`` connects, read from `SMTP_URL` (and optionally
/// `SMTP_USERNAME` / `SMTP_PASSWORD`).
///
/// Forms:
/// - `smtp://host:587` — submission port; STARTTLS is **required** (the transfer fails if the
///   server does not offer it or the certificate does not verify).
/// - `smtps://host:465` — TLS from the first byte (implicit TLS).
/// - `smtp://user:pass@host:587` — credentials in the URL (percent-encode `@`, `:` and `/` in them);
///   `SMTP_USERNAME` / `SMTP_PASSWORD` take precedence when set.
/// - `smtp://127.0.0.1:2525?tls=none` — no TLS at all, for a local test server only.
/// - `?connect_timeout=10&timeout=60` — seconds to connect, and for the whole transfer (defaults 10 and 60).
public struct SMTPConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is protected.
    public enum Security: String, Sendable, Hashable {
        /// Plain connection upgraded with STARTTLS; fails if the server cannot.
        case startTLS = "starttls"
        /// TLS from the start (`smtps://`).
        case implicitTLS = "implicit"
        /// No TLS (`?tls=none`): only for a server on the same machine.
        case none
    }

    /// The server's host name or address.
    public var host: String
    /// The TCP port (default 587 for `smtp://`, 465 for `smtps://`).
    public var port: Int
    /// How the connection is protected.
    public var security: Security
    /// The login name, if the server wants one.
    public var username: String?
    /// The password (never printed).
    public var password: String?
    /// Longest wait for the TCP (and TLS) connection.
    public var connectTimeout: Duration
    /// Longest time for one whole delivery.
    public var timeout: Duration

    /// Parses an `SMTP_URL`.
    /// - Throws: ``MailError`` of kind `configuration` naming the part of the URL at fault.
    public init(url text: String, username: String? = nil, password: String? = nil) throws(MailError) {
        func bad(_ what: String, _ hint: String) -> MailError {
            MailError(.configuration, "SMTP_URL: \(what)", detail: hint)
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw bad("\"\(Self.redacted(text))\" is not a URL", "write smtp://host:587 or smtps://host:465")
        }
        guard scheme == "smtp" || scheme == "smtps" else {
            throw bad("scheme \"\(scheme)\" is not smtp or smtps", "write smtp://host:587 (STARTTLS) or smtps://host:465 (TLS)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw bad("no host", "write smtp://host:587")
        }
        self.host = host
        port = components.port ?? (scheme == "smtps" ? 465 : 587)
        guard (1...65535).contains(port) else { throw bad("port \(port) is out of range", "use 1–65535") }
        security = scheme == "smtps" ? .implicitTLS : .startTLS
        self.username = (username?.isEmpty == false) ? username : components.percentEncodedUser?.removingPercentEncoding
        self.password = (password?.isEmpty == false) ? password : components.percentEncodedPassword?.removingPercentEncoding
        connectTimeout = .seconds(10)
        timeout = .seconds(60)
        for item in components.queryItems ?? [] {
            switch item.name {
            case "tls":
                switch item.value?.lowercased() {
                case "none":
                    guard scheme == "smtp" else { throw bad("tls=none contradicts smtps://", "use smtp://host:port?tls=none for a plain local server") }
                    security = .none
                case "starttls":
                    guard scheme == "smtp" else { throw bad("tls=starttls contradicts smtps://", "use smtp:// for STARTTLS") }
                    security = .startTLS
                default:
                    throw bad("tls=\(item.value ?? "") is not none or starttls", "leave it out to require STARTTLS, or tls=none for a local test server")
                }
            case "connect_timeout", "timeout":
                guard let value = item.value.flatMap(Double.init), value > 0, value <= 3600 else {
                    throw bad("\(item.name)=\(item.value ?? "") is not a number of seconds", "give seconds between 0 and 3600, e.g. \(item.name)=10")
                }
                let duration = Duration.milliseconds(Int64(value * 1000))
                if item.name == "timeout" { timeout = duration } else { connectTimeout = duration }
            default:
                throw bad("unknown parameter \"\(item.name)\"", "known parameters: tls, connect_timeout, timeout")
            }
        }
    }

    /// Reads `SMTP_URL`, `SMTP_USERNAME` and `SMTP_PASSWORD`; `nil` when `SMTP_URL` is unset or empty.
    public init?(environment: [String: String]) throws(MailError) {
        guard let url = environment["SMTP_URL"], !url.isEmpty else { return nil }
        try self.init(url: url, username: environment["SMTP_USERNAME"], password: environment["SMTP_PASSWORD"])
    }

    /// The URL libcurl connects to, without credentials or query.
    var curlURL: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(bracketed):\(port)"
    }

    /// The URL with the password hidden, for logs.
    public var description: String {
        let user = username.map { "\($0)\(password == nil ? "" : ":***")@" } ?? ""
        let query = security == .none ? "?tls=none" : ""
        return "\(security == .implicitTLS ? "smtps" : "smtp")://\(user)\(host):\(port)\(query)"
    }

    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://") else { return text }
        return String(text[..<scheme.upperBound]) + "***" + String(text[at...])
    }
}
