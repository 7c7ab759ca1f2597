import Hummingbird
import Testing
import WebApp

@Suite("CSRF")
struct CSRFTests {
    @Test func formsWithoutTheTokenAreRejectedAndChangeNothing() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["counselor"]!)
            let student = seed.clovisStudents[0]
            _ = try await browser.get("/students/\(student)/choices")
            let missing = try await browser.post("/students/\(student)/choices/add", [("slot", "\(seed.clovisSlots[0])")], csrf: false)
            #expect(missing.status == .forbidden)
            let forged = try await browser.post("/students/\(student)/choices/add", [("slot", "\(seed.clovisSlots[0])"), ("_csrf", "0123456789abcdef")], csrf: false)
            #expect(forged.status == .forbidden)
            let rows = try await pool.query("SELECT count(*)::int8 AS n FROM choices")
            #expect(try rows[0].decode("n", as: Int64.self) == 0)
            let ok = try await browser.post("/students/\(student)/choices/add", [("slot", "\(seed.clovisSlots[0])")])
            #expect(ok.status == .seeOther)
        }
    }

    @Test func signInFormNeedsTheTokenOfItsOwnSession() async throws {
        try await WebFixture.with { _, _, client in
            var browser = Browser(client)
            // No session at all (a form posted from another site).
            let bare = try await browser.post("/login", [("email", Seed.emails["counselor"]!), ("password", Seed.password)], csrf: false)
            #expect(bare.status == .forbidden)
        }
    }

    @Test func tokenFromAnotherSessionIsRejected() async throws {
        try await WebFixture.with { seed, _, client in
            var alice = Browser(client)
            _ = try await alice.signIn(Seed.emails["counselor"]!)
            _ = try await alice.get("/")
            var mallory = Browser(client)
            _ = try await mallory.signIn(Seed.emails["coordinator"]!)
            _ = try await mallory.get("/")
            let stolen = try #require(mallory.csrf)
            alice.csrf = stolen
            let response = try await alice.post("/students/\(seed.clovisStudents[0])/choices/add", [("slot", "\(seed.clovisSlots[0])")])
            #expect(response.status == .forbidden)
        }
    }

    @Test func headerTokenWorksForTheReorderScript() async throws {
        try await WebFixture.with { seed, _, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["counselor"]!)
            _ = try await browser.get("/")
            let token = try #require(browser.csrf)
            let student = seed.clovisStudents[0]
            _ = try await browser.post("/students/\(student)/choices/add", [("slot", "\(seed.clovisSlots[0])")])
            _ = try await browser.post("/students/\(student)/choices/add", [("slot", "\(seed.clovisSlots[1])")])
            var headers = HTTPFields()
            headers[HTTPFields.Element.Name("X-CSRF-Token")!] = token
            headers[HTTPFields.Element.Name("X-Requested-With")!] = "fetch"
            let response = try await browser.post("/students/\(student)/choices/order",
                                                  [("slot[]", "\(seed.clovisSlots[1])"), ("slot[]", "\(seed.clovisSlots[0])")],
                                                  csrf: false, headers: headers)
            #expect(response.status == .noContent)
        }
    }
}
