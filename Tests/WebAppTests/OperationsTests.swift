import Database
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebApp

@Suite("Health, metrics, API, assets")
struct OperationsTests {
    @Test func healthAndMetrics() async throws {
        try await WebFixture.with { _, _, client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(String(buffer: health.body) == "ok\n")
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["counselor"]!, password: "wrong password")
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            let text = String(buffer: metrics.body)
            #expect(text.contains("wblmatch_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 1"))
            #expect(text.contains("wblmatch_sign_ins_total{outcome=\"failure\"} 1"))
            #expect(text.contains("wblmatch_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} 1"))
            #expect(text.contains("wblmatch_gauge{name=\"users_active\"} 7"))
            #expect(text.contains("wblmatch_gauge{name=\"jobs_available\"} 0"))
            #expect(text.contains("wblmatch_gauge{name=\"match_runs_published\"} 0"))
        }
    }

    @Test func apiNeedsABearerTokenOfAnEnabledUser() async throws {
        try await WebFixture.with { seed, pool, client in
            let none = try await client.execute(uri: "/api/v1/me", method: .get)
            #expect(none.status == .unauthorized)
            #expect(String(buffer: none.body).contains("\"error\""))
            let secret = SecureToken.make()
            _ = try await APITokenStoreForTests.create(pool: pool, userID: seed.userIDs["counselor"]!, secret: secret)
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(secret)"])
            #expect(me.status == .ok)
            #expect(String(buffer: me.body).contains("counselor@clovis.example"))
            let wrong = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(secret)x"])
            #expect(wrong.status == .unauthorized)
            _ = try await pool.execute("UPDATE users SET disabled = true WHERE id = $1", [seed.userIDs["counselor"]!])
            let disabled = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(secret)"])
            #expect(disabled.status == .unauthorized)
        }
    }

    @Test func assetsAndOpenAPIAreServed() async throws {
        try await WebFixture.with { _, _, client in
            let css = try await client.execute(uri: "/assets/app.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
            let spec = try await client.execute(uri: "/api/v1/openapi.yaml", method: .get)
            #expect(spec.status == .ok)
            #expect(String(buffer: spec.body).hasPrefix("openapi: 3"))
            #expect(try await client.execute(uri: "/assets/../Package.swift", method: .get).status == .notFound)
        }
    }

    @Test func pagesCarrySecurityHeaders() async throws {
        try await WebFixture.with { _, _, client in
            let page = try await client.execute(uri: "/login", method: .get)
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
        }
    }
}

import Store
enum APITokenStoreForTests {
    static func create(pool: DatabasePool, userID: Int64, secret: String) async throws -> Int64 {
        try await APITokenStore(pool: pool).create(userID: userID, name: "test", secret: secret)
    }
}
