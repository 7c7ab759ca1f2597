import Hummingbird
import Testing
import WebApp

/// Changing an id in a URL never reaches another school's or EDC's rows.
@Suite("Id swapping across schools and EDCs")
struct ScopeTests {
    @Test func counselorCannotReachAnotherSchoolsStudent() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["counselor"]!)
            _ = try await browser.get("/")
            let other = seed.portalesStudent
            #expect(try await browser.get("/students/\(other)").status == .notFound)
            #expect(try await browser.get("/students/\(other)/choices").status == .notFound)
            #expect(try await browser.post("/students/\(other)", [("grade", "9"), ("transport", "none")]).status == .notFound)
            #expect(try await browser.post("/students/\(other)/choices/add", [("slot", "\(seed.clovisSlots[0])")]).status == .notFound)
            let list = try await browser.get("/students")
            #expect(list.body.contains("Pena"))
            #expect(!list.body.contains("Lopez"))
            let rows = try await pool.query("SELECT grade, (SELECT count(*) FROM choices)::int8 AS n FROM students WHERE id = $1", [other])
            #expect(try rows[0].decode("grade", as: Int.self) == 11)
            #expect(try rows[0].decode("n", as: Int64.self) == 0)
        }
    }

    @Test func edcStaffCannotReachAnotherEDCsSlot() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["edc_staff"]!)
            _ = try await browser.get("/")
            let other = seed.portalesSlot
            #expect(try await browser.get("/slots/\(other)").status == .notFound)
            #expect(try await browser.post("/slots/\(other)/active", [("active", "0")]).status == .notFound)
            let edit = try await browser.post("/slots/\(other)", [
                ("employer_id", "\(seed.clovisEmployer)"), ("site_id", "\(seed.clovisSite)"), ("external_id", "X"), ("title", "Taken over"),
                ("kind", "internship"), ("program_of_study", "agriculture"), ("capacity", "1"), ("reserved_seats", "0"),
                ("start_date", "2027-01-15"), ("end_date", "2027-05-20"),
            ])
            #expect(edit.status == .notFound)
            let list = try await browser.get("/slots")
            #expect(list.body.contains("Dairy herd assistant"))
            #expect(!list.body.contains("Welding shop intern"))
            let rows = try await pool.query("SELECT title, active FROM slots WHERE id = $1", [other])
            #expect(try rows[0].decode("title", as: String.self) == "Welding shop intern")
            #expect(try rows[0].decode("active", as: Bool.self))
        }
    }

    @Test func edcStaffCannotCreateASlotForAnotherEDCsEmployer() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["edc2"]!)
            _ = try await browser.get("/slots/new")
            let response = try await browser.post("/slots", [
                ("employer_id", "\(seed.clovisEmployer)"), ("site_id", "\(seed.clovisSite)"), ("external_id", "NEW"), ("title", "Sneaky"),
                ("kind", "internship"), ("program_of_study", "agriculture"), ("capacity", "1"), ("reserved_seats", "0"),
                ("start_date", "2027-01-15"), ("end_date", "2027-05-20"),
            ])
            #expect(response.status == .unprocessableContent)
            let rows = try await pool.query("SELECT count(*)::int8 AS n FROM slots WHERE title = 'Sneaky'")
            #expect(try rows[0].decode("n", as: Int64.self) == 0)
        }
    }

    @Test func nonNumericIdsAreNotFound() async throws {
        try await WebFixture.with { _, _, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["coordinator"]!)
            #expect(try await browser.get("/students/abc").status == .notFound)
            #expect(try await browser.get("/slots/-1").status == .notFound)
        }
    }
}
