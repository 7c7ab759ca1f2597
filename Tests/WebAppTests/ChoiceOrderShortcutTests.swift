import Database
import Hummingbird
import Testing
import WebApp

/// The reorder script's saves in one statement with the session check (`ChoiceOrderShortcut`,
/// sql/0054): it saves exactly what the usual chain would save, as the same user; everything
/// else is passed on unchanged, so every refusal keeps the usual chain's answer.
@Suite("The reorder script's one-statement save")
struct ChoiceOrderShortcutTests {
    static let fetch: HTTPFields = [.init("X-Requested-With")!: "fetch"]

    /// The shortcut's counter for `outcome` on `/metrics` (0 before its first use).
    static func count(_ browser: inout Browser, _ outcome: String) async throws -> Int {
        let text = try await browser.get("/metrics").body
        let prefix = "wblmatch_choice_order_shortcut_total{outcome=\"\(outcome)\"} "
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return 0 }
        return try #require(Int(line.dropFirst(prefix.count)))
    }

    /// Signs `role` in, gives the first Clovis student the three slots a, b, c; returns them.
    static func listed(_ browser: inout Browser, _ seed: Seed, as role: String) async throws -> [Int64] {
        _ = try await browser.signIn(Seed.emails[role]!)
        let student = seed.clovisStudents[0]
        _ = try await browser.get("/students/\(student)/choices")
        let slots = [seed.clovisSlots[0], seed.clovisSlots[1], seed.portalesSlot]
        for slot in slots { _ = try await browser.post("/students/\(student)/choices/add", [("slot", "\(slot)")]) }
        return slots
    }

    static func order(_ slots: [Int64]) -> [(String, String)] { slots.map { ("slot[]", "\($0)") } }

    @Test func aCounselorsReorderIsSavedInOneStatementAsTheCounselor() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            let slots = try await Self.listed(&browser, seed, as: "counselor")
            #expect(try await ChoicesTests.ranked(pool, seed.clovisStudents[0]) == slots)
            #expect(try await Self.count(&browser, "saved") == 0, "the page's forms (no script) go the usual way")

            let reordered = [slots[2], slots[0], slots[1]]
            let response = try await browser.post("/students/\(seed.clovisStudents[0])/choices/order", Self.order(reordered), headers: Self.fetch)
            #expect(response.status == .noContent)
            #expect(response.headers[values: .setCookie].isEmpty, "the session is left as it was")
            #expect(try await ChoicesTests.ranked(pool, seed.clovisStudents[0]) == reordered)
            #expect(try await Self.count(&browser, "saved") == 1)
            #expect(try await Self.count(&browser, "passed_on") == 0)

            let entry = try await pool.query("""
                SELECT actor_user_id, actor, action, detail -> 'before' = to_jsonb($1::bigint[]) AS before_kept,
                       detail -> 'after' = to_jsonb($2::bigint[]) AS after_kept
                FROM audit_log WHERE entity = 'choices' ORDER BY id DESC LIMIT 1
                """, [slots, reordered])[0]
            #expect(try entry.decode("actor_user_id", as: Int64?.self) == seed.userIDs["counselor"])
            #expect(try entry.decode("actor", as: String.self) == Seed.emails["counselor"])
            #expect(try entry.decode("action", as: String.self) == "update")
            #expect(try entry.decode("before_kept", as: Bool.self) && entry.decode("after_kept", as: Bool.self), "the list before and after")

            // The same order again is saved (nothing to write) and answered the same.
            #expect(try await browser.post("/students/\(seed.clovisStudents[0])/choices/order", Self.order(reordered), headers: Self.fetch).status == .noContent)
            #expect(try await Self.count(&browser, "saved") == 2)
        }
    }

    @Test func aCoordinatorReordersAnySchoolsStudent() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            let slots = try await Self.listed(&browser, seed, as: "coordinator")
            let reordered = Array(slots.reversed())
            let response = try await browser.post("/students/\(seed.clovisStudents[0])/choices/order", Self.order(reordered), headers: Self.fetch)
            #expect(response.status == .noContent)
            #expect(try await ChoicesTests.ranked(pool, seed.clovisStudents[0]) == reordered)
            #expect(try await Self.count(&browser, "saved") == 1)
            let actor = try await pool.query("SELECT actor_user_id FROM audit_log WHERE entity = 'choices' ORDER BY id DESC LIMIT 1")[0]
            #expect(try actor.decode("actor_user_id", as: Int64?.self) == seed.userIDs["coordinator"])
        }
    }

    /// Each case the statement does not save: nothing changes, the usual chain answers as it always
    /// did, and the counter shows it was passed on.
    @Test func everyOtherCaseIsPassedOnAndAnsweredByTheUsualChain() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            let slots = try await Self.listed(&browser, seed, as: "counselor")
            let student = seed.clovisStudents[0]
            let path = "/students/\(student)/choices/order"
            let reordered = Array(slots.reversed())
            var passedOn = 0
            func expectPassedOn(_ response: Browser.Page, _ status: HTTPResponse.Status, _ why: Comment,
                                sourceLocation: SourceLocation = #_sourceLocation) async throws {
                passedOn += 1
                #expect(response.status == status, why, sourceLocation: sourceLocation)
                #expect(try await ChoicesTests.ranked(pool, student) == slots, why, sourceLocation: sourceLocation)
                #expect(try await Self.count(&browser, "passed_on") == passedOn, why, sourceLocation: sourceLocation)
                #expect(try await Self.count(&browser, "saved") == 0, why, sourceLocation: sourceLocation)
            }

            try await expectPassedOn(try await browser.post(path, Self.order(reordered) + [("_csrf", String(repeating: "0", count: 64))],
                                                            csrf: false, headers: Self.fetch), .forbidden, "another token")

            let portales = try await browser.post("/students/\(seed.portalesStudent)/choices/order", Self.order(reordered), headers: Self.fetch)
            try await expectPassedOn(portales, .notFound, "another school's student")

            let fewer = try await browser.post(path, Self.order(Array(reordered.prefix(2))), headers: Self.fetch)
            try await expectPassedOn(fewer, .unprocessableContent, "not the same slots")
            #expect(fewer.body.contains("not on the list"))

            _ = try await pool.execute("UPDATE rounds SET max_choices = 2 WHERE id = $1", [seed.roundID])
            let overLimit = try await browser.post(path, Self.order(reordered), headers: Self.fetch)
            passedOn += 1
            #expect(overLimit.status == .unprocessableContent, "moving a choice past a lowered limit is refused both ways")
            #expect(overLimit.body.contains("choices past the limit cannot move"))
            #expect(try await ChoicesTests.ranked(pool, student) == slots)
            #expect(try await Self.count(&browser, "passed_on") == passedOn)
            _ = try await pool.execute("UPDATE rounds SET max_choices = 3 WHERE id = $1", [seed.roundID])

            let key = "hbs." + (browser.session ?? "")
            _ = try await pool.execute("UPDATE web_sessions SET expires_at = now() - interval '1 second' WHERE key = $1", [key])
            try await expectPassedOn(try await browser.post(path, Self.order(reordered), headers: Self.fetch), .forbidden, "an expired session")
            _ = try await pool.execute("UPDATE web_sessions SET expires_at = now() + interval '1 hour' WHERE key = $1", [key])

            _ = try await pool.execute("UPDATE users SET disabled = true WHERE id = $1", [seed.userIDs["counselor"]!])
            let disabled = try await browser.post(path, Self.order(reordered), headers: Self.fetch)
            try await expectPassedOn(disabled, .seeOther, "a disabled user: signed out, sent to sign in")
            #expect(disabled.location?.hasPrefix("/login") ?? false)
        }
    }

    /// Roles that may not reorder choices get the usual 403 from the shortcut's fall-through.
    @Test(arguments: ["edc_staff", "case_worker", "employer"])
    func otherRolesArePassedOnAndForbidden(role: String) async throws {
        try await WebFixture.with { seed, pool, client in
            var counselor = Browser(client)
            let slots = try await Self.listed(&counselor, seed, as: "counselor")
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails[role]!)
            _ = try await browser.get("/")
            let response = try await browser.post("/students/\(seed.clovisStudents[0])/choices/order", Self.order(slots.reversed()), headers: Self.fetch)
            #expect(response.status == .forbidden)
            #expect(try await ChoicesTests.ranked(pool, seed.clovisStudents[0]) == slots)
            #expect(try await Self.count(&browser, "passed_on") == 1)
            #expect(try await Self.count(&browser, "saved") == 0)
        }
    }
}
