import Foundation
import Hummingbird
import HummingbirdTesting

/// A cookie-keeping client over HummingbirdTesting, like a person's browser: it remembers the
/// session cookie and the CSRF token of the last page it saw.
struct Browser {
    let client: any TestClientProtocol
    var session: String?
    var csrf: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var location: String? { headers[.location] }
    }

    mutating func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, body: nil)
    }

    /// Posts a form; the CSRF token of the last page is added unless `csrf` is false.
    mutating func post(_ uri: String, _ fields: [(String, String)], csrf addToken: Bool = true, headers: HTTPFields = [:]) async throws -> Page {
        var fields = fields
        if addToken, let csrf { fields.append(("_csrf", csrf)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var h = headers
        h[.contentType] = "application/x-www-form-urlencoded"
        return try await send(uri, method: .post, body: body, headers: h)
    }

    mutating func send(_ uri: String, method: HTTPRequest.Method, body: String?, headers: HTTPFields = [:]) async throws -> Page {
        var headers = headers
        if let session { headers[.cookie] = "wbl_session=\(session)" }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for value in response.headers[values: .setCookie] where value.hasPrefix("wbl_session=") {
            let cookie = value.dropFirst("wbl_session=".count).prefix { $0 != ";" }
            session = String(cookie)
        }
        let text = String(buffer: response.body)
        if let token = Self.csrfToken(in: text) { csrf = token }
        return Page(status: response.status, headers: response.headers, body: text)
    }

    /// Signs in; returns the response to the POST.
    mutating func signIn(_ email: String, password: String = Seed.password) async throws -> Page {
        _ = try await get("/login")
        return try await post("/login", [("email", email), ("password", password), ("next", "/")])
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
