import Database
import Hummingbird
import Testing
import WebApp

@Suite("A student's choices")
struct ChoicesTests {
    static func ranked(_ pool: DatabasePool, _ student: Int64) async throws -> [Int64] {
        try await pool.query("SELECT slot_id FROM choices WHERE student_id = $1 ORDER BY rank", [student]).map { try $0.decode("slot_id", as: Int64.self) }
    }

    @Test func counselorAddsThreeChoicesReordersAndRemoves() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["counselor"]!)
            let student = seed.clovisStudents[0]
            let page = try await browser.get("/students/\(student)/choices")
            #expect(page.status == .ok)
            #expect(page.body.contains("Dairy herd assistant"))
            #expect(page.body.contains("Welding shop intern"), "slots of every EDC can be chosen")
            let (a, b, c) = (seed.clovisSlots[0], seed.clovisSlots[1], seed.portalesSlot)
            for slot in [a, b, c] {
                #expect(try await browser.post("/students/\(student)/choices/add", [("slot", "\(slot)")]).status == .seeOther)
            }
            #expect(try await Self.ranked(pool, student) == [a, b, c])
            #expect(try await browser.post("/students/\(student)/choices/move", [("slot", "\(c)"), ("direction", "up")]).status == .seeOther)
            #expect(try await Self.ranked(pool, student) == [a, c, b])
            #expect(try await browser.post("/students/\(student)/choices/move", [("slot", "\(a)"), ("direction", "up")]).status == .seeOther)
            #expect(try await Self.ranked(pool, student) == [a, c, b], "moving the first up changes nothing")
            #expect(try await browser.post("/students/\(student)/choices/order", [("slot[]", "\(b)"), ("slot[]", "\(a)"), ("slot[]", "\(c)")]).status == .seeOther)
            #expect(try await Self.ranked(pool, student) == [b, a, c])
            #expect(try await browser.post("/students/\(student)/choices/remove", [("slot", "\(a)")]).status == .seeOther)
            #expect(try await Self.ranked(pool, student) == [b, c])
            let after = try await browser.get("/students/\(student)/choices")
            #expect(after.body.contains("Choice removed."))
        }
    }

    /// The page script's reorder: one request, 204, one audit entry; another school's student is a
    /// 404 and an order of other slots a 422 with the page, both changing nothing.
    @Test func theWholeOrderIsSavedInOneRequestWithinScope() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["counselor"]!)
            let student = seed.clovisStudents[0]
            let (a, b, c) = (seed.clovisSlots[0], seed.clovisSlots[1], seed.portalesSlot)
            _ = try await browser.get("/students/\(student)/choices")
            for slot in [a, b, c] { _ = try await browser.post("/students/\(student)/choices/add", [("slot", "\(slot)")]) }
            let fetch: HTTPFields = [.init("X-Requested-With")!: "fetch"]
            let entries = { try await pool.query("SELECT count(*)::int AS n FROM audit_log WHERE entity = 'choices'")[0].decode("n", as: Int.self) }
            let before = try await entries()

            let saved = try await browser.post("/students/\(student)/choices/order", [("slot[]", "\(c)"), ("slot[]", "\(a)"), ("slot[]", "\(b)")], headers: fetch)
            #expect(saved.status == .noContent)
            #expect(try await Self.ranked(pool, student) == [c, a, b])
            #expect(try await entries() == before + 1, "one reorder, one entry")

            let portales = try await pool.query("SELECT slot_id FROM choices WHERE student_id = $1 ORDER BY rank", [seed.portalesStudent])
                .map { try $0.decode("slot_id", as: Int64.self) }
            let otherSchool = try await browser.post("/students/\(seed.portalesStudent)/choices/order", portales.reversed().map { ("slot[]", "\($0)") }, headers: fetch)
            #expect(otherSchool.status == .notFound)
            #expect(try await pool.query("SELECT slot_id FROM choices WHERE student_id = $1 ORDER BY rank", [seed.portalesStudent])
                        .map { try $0.decode("slot_id", as: Int64.self) } == portales)

            let otherSlots = try await browser.post("/students/\(student)/choices/order", [("slot[]", "\(a)"), ("slot[]", "\(b)")])
            #expect(otherSlots.status == .unprocessableContent)
            #expect(otherSlots.body.contains("not on the list"))
            #expect(try await Self.ranked(pool, student) == [c, a, b])
            #expect(try await entries() == before + 1)
        }
    }

    @Test func theRoundsLimitAndDuplicatesAreRefusedWithAReason() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["counselor"]!)
            let student = seed.clovisStudents[1]
            _ = try await browser.get("/students/\(student)/choices")
            for slot in seed.clovisSlots {
                #expect(try await browser.post("/students/\(student)/choices/add", [("slot", "\(slot)")]).status == .seeOther)
            }
            let fourth = try await browser.post("/students/\(student)/choices/add", [("slot", "\(seed.portalesSlot)")])
            #expect(fourth.status == .unprocessableContent)
            #expect(fourth.body.contains("at most 3 choices"))
            _ = try await browser.post("/students/\(student)/choices/remove", [("slot", "\(seed.clovisSlots[2])")])
            let again = try await browser.post("/students/\(student)/choices/add", [("slot", "\(seed.clovisSlots[0])")])
            #expect(again.status == .unprocessableContent)
            #expect(again.body.contains("on the list already"))
            #expect(try await Self.ranked(pool, student) == Array(seed.clovisSlots.prefix(2)))
        }
    }

    @Test func withdrawnSlotsCannotBeAdded() async throws {
        try await WebFixture.with { seed, pool, client in
            _ = try await pool.execute("UPDATE slots SET active = false WHERE id = $1", [seed.clovisSlots[2]])
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["counselor"]!)
            let page = try await browser.get("/students/\(seed.clovisStudents[0])/choices")
            #expect(!page.body.contains("Farm office intern"))
            let response = try await browser.post("/students/\(seed.clovisStudents[0])/choices/add", [("slot", "\(seed.clovisSlots[2])")])
            #expect(response.status == .unprocessableContent)
            #expect(response.body.contains("no longer offered"))
        }
    }

    @Test func pickerExplainsWhyASlotDoesNotFit() async throws {
        try await WebFixture.with { seed, pool, client in
            _ = try await pool.execute("UPDATE students SET guardian_consent_on = NULL, transport = 'none' WHERE id = $1", [seed.clovisStudents[0]])
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["counselor"]!)
            let page = try await browser.get("/students/\(seed.clovisStudents[0])/choices")
            #expect(page.body.contains("Needs a guardian&#39;s written consent on file.") || page.body.contains("Needs a guardian's written consent"))
            #expect(page.body.contains("No transport recorded"))
        }
    }
}
