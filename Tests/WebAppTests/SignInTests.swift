import Database
import Hummingbird
import Testing
@testable import WebApp

@Suite("Sign-in and sessions")
struct SignInTests {
    @Test func signInGivesANewSessionIDAndDropsTheAnonymousOne() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            let form = try await browser.get("/login")
            #expect(form.status == .ok)
            let anonymous = try #require(browser.session)
            let response = try await browser.post("/login", [("email", Seed.emails["counselor"]!), ("password", Seed.password), ("next", "/")])
            #expect(response.status == .seeOther)
            #expect(response.location == "/")
            let signedIn = try #require(browser.session)
            #expect(signedIn != anonymous)
            let setCookie = response.headers[values: .setCookie].joined()
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            let old = try await pool.query("SELECT count(*)::int8 AS n FROM web_sessions WHERE key = $1", ["hbs." + anonymous])
            #expect(try old[0].decode("n", as: Int64.self) == 0)
            let dashboard = try await browser.get("/")
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.contains("Carla Counselor"))
        }
    }

    @Test func emailIsMatchedWithoutCase() async throws {
        try await WebFixture.with { _, _, client in
            var browser = Browser(client)
            let response = try await browser.signIn(Seed.emails["coordinator"]!.uppercased())
            #expect(response.status == .seeOther)
        }
    }

    @Test func wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() async throws {
        try await WebFixture.with { _, _, client in
            var browser = Browser(client)
            let wrong = try await browser.signIn(Seed.emails["counselor"]!, password: "not the password")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("do not match an active account"))
            let unknown = try await browser.signIn("nobody@example.org", password: "whatever it is")
            #expect(unknown.status == .unauthorized)
            #expect(unknown.body.contains("do not match an active account"))
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func tooManyFailuresLockTheEmailEvenWithTheRightPassword() async throws {
        try await WebFixture.with { _, pool, client in
            var browser = Browser(client)
            for _ in 0..<5 {
                #expect(try await browser.signIn(Seed.emails["counselor"]!, password: "guess guess").status == .unauthorized)
            }
            let limited = try await browser.signIn(Seed.emails["counselor"]!)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.body.contains("Too many failed sign-ins"))
            // Another account is not affected.
            #expect(try await browser.signIn(Seed.emails["coordinator"]!).status == .seeOther)
            let rows = try await pool.query("SELECT count(*)::int8 AS n FROM login_attempts WHERE NOT succeeded")
            #expect(try rows[0].decode("n", as: Int64.self) == 5)
        }
    }

    @Test func disabledUserIsSignedOutAtOnceAndCannotSignIn() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            #expect(try await browser.signIn(Seed.emails["counselor"]!).status == .seeOther)
            #expect(try await browser.get("/students").status == .ok)
            _ = try await pool.execute("UPDATE users SET disabled = true WHERE id = $1", [seed.userIDs["counselor"]!])
            let after = try await browser.get("/students")
            #expect(after.status == .seeOther)
            #expect(after.location?.hasPrefix("/login") == true)
            var fresh = Browser(client)
            #expect(try await fresh.signIn(Seed.emails["counselor"]!).status == .unauthorized)
        }
    }

    @Test func signOutEndsTheSession() async throws {
        try await WebFixture.with { _, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["counselor"]!)
            let session = try #require(browser.session)
            _ = try await browser.get("/")
            let out = try await browser.post("/logout", [])
            #expect(out.status == .seeOther)
            let rows = try await pool.query("SELECT count(*)::int8 AS n FROM web_sessions WHERE key = $1", ["hbs." + session])
            #expect(try rows[0].decode("n", as: Int64.self) == 0)
            browser.session = session
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func nextParameterNeverLeavesTheSite() {
        #expect(LoginController.safeNext("/students/3") == "/students/3")
        #expect(LoginController.safeNext("//evil.example/") == "/")
        #expect(LoginController.safeNext("https://evil.example/") == "/")
        #expect(LoginController.safeNext("/\\evil.example") == "/")
    }
}
