import Database
import Hummingbird
import HummingbirdTesting
import Testing
import WebApp

/// Coordinators issue API tokens on the users page (shown once, stored hashed) and revoke them.
@Suite("API tokens on the users page")
struct TokenPageTests {
    static func me(_ client: any TestClientProtocol, _ secret: String) async throws -> HTTPResponse.Status {
        try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(secret)"]).status
    }

    @Test func issuedTokenWorksOnceShownAndRevokedTokenGets401() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["coordinator"]!)
            _ = try await browser.get("/users")
            let counselor = seed.userIDs["counselor"]!
            let bad = try await browser.post("/users/tokens", [("user_id", "\(counselor)"), ("name", " ")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("<strong>Token name</strong>"))
            let issued = try await browser.post("/users/tokens", [("user_id", "\(counselor)"), ("name", "Clovis HS PowerSchool")])
            #expect(issued.status == .ok)
            guard let range = issued.body.range(of: "<code id=\"new-token\">") else { Issue.record("no token shown"); return }
            let secret = String(issued.body[range.upperBound...].prefix { $0 != "<" })
            #expect(secret.count == 64)
            #expect(issued.body.contains("shown only this once"))

            // Stored as its SHA-256 only; audited without the secret.
            let rows = try await pool.query("""
                SELECT token_hash = sha256(convert_to($1, 'UTF8')) AS hashed, position(convert_to($1, 'UTF8') IN token_hash) = 0 AS no_plain, name
                FROM api_tokens WHERE user_id = $2
                """, [secret, counselor])
            #expect(rows.count == 1)
            #expect(try rows[0].decode("hashed", as: Bool.self))
            #expect(try rows[0].decode("name", as: String.self) == "Clovis HS PowerSchool")
            let audit = try await pool.query("SELECT action, detail::text AS detail FROM audit_log WHERE entity = 'api_tokens' ORDER BY id")
            #expect(try audit.map { try $0.decode("action", as: String.self) } == ["api_token.issue"])
            #expect(try !audit[0].decode("detail", as: String.self).contains(secret))

            #expect(try await Self.me(client, secret) == .ok)
            let me = String(buffer: try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(secret)"]).body)
            #expect(me.contains(Seed.emails["counselor"]!))

            let list = try await browser.get("/users")
            #expect(list.body.contains("Clovis HS PowerSchool"))
            #expect(!list.body.contains(secret))   // shown once only
            let tokenID = try await pool.query("SELECT id FROM api_tokens WHERE user_id = $1", [counselor])[0].decode("id", as: Int64.self)
            #expect(list.body.contains("action=\"/users/tokens/\(tokenID)/revoke\""))
            // Revoking needs the CSRF token.
            #expect(try await browser.post("/users/tokens/\(tokenID)/revoke", [], csrf: false).status == .forbidden)
            #expect(try await Self.me(client, secret) == .ok)
            let revoked = try await browser.post("/users/tokens/\(tokenID)/revoke", [])
            #expect(revoked.status == .seeOther)
            #expect(try await Self.me(client, secret) == .unauthorized)
            #expect(try await browser.get("/users").body.contains("revoked"))
            #expect(try await browser.post("/users/tokens/999999/revoke", []).status == .notFound)
        }
    }

    @Test func onlyCoordinatorsIssueTokens() async throws {
        try await WebFixture.with { seed, pool, client in
            for role in ["counselor", "edc_staff", "case_worker", "employer"] {
                var browser = Browser(client)
                _ = try await browser.signIn(Seed.emails[role]!)
                _ = try await browser.get("/")
                let response = try await browser.post("/users/tokens", [("user_id", "\(seed.userIDs[role]!)"), ("name", "mine")])
                #expect(response.status == .forbidden, "\(role)")
            }
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(Seed.emails["coordinator"]!)
            _ = try await coordinator.get("/users")
            #expect(try await coordinator.post("/users/tokens", [("user_id", "\(seed.userIDs["counselor"]!)"), ("name", "x")], csrf: false).status == .forbidden)
            let count = try await pool.query("SELECT count(*)::int8 AS n FROM api_tokens")
            #expect(try count[0].decode("n", as: Int64.self) == 0)
        }
    }
}
