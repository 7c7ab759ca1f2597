import Database
import Hummingbird
import Testing
import WebApp

@Suite("Hostile input is data")
struct EscapingTests {
    @Test func scriptInANameIsRenderedEscaped() async throws {
        try await WebFixture.with { seed, pool, client in
            _ = try await pool.execute("UPDATE students SET first_name = $2 WHERE id = $1", [seed.clovisStudents[0], "<script>alert(1)</script>"])
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["counselor"]!)
            for path in ["/students", "/students/\(seed.clovisStudents[0])", "/students/\(seed.clovisStudents[0])/choices"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok)
                #expect(!page.body.contains("<script>alert(1)</script>"), "\(path)")
                #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
            }
        }
    }

    @Test func sqlInjectionStringsAreStoredAsData() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["edc_staff"]!)
            _ = try await browser.get("/slots/new")
            let title = "Robert'); DROP TABLE students; --"
            let created = try await browser.post("/slots", [
                ("employer_id", "\(seed.clovisEmployer)"), ("site_id", "\(seed.clovisSite)"), ("external_id", "' OR '1'='1"), ("title", title),
                ("kind", "internship"), ("program_of_study", "agriculture"), ("capacity", "2"), ("reserved_seats", "0"),
                ("start_date", "2027-01-15"), ("end_date", "2027-05-20"), ("schedule", "Mon 15:00-17:00"),
            ])
            #expect(created.status == .seeOther)
            let rows = try await pool.query("SELECT title, external_id FROM slots WHERE external_id = $1", ["' OR '1'='1"])
            #expect(try rows.first?.decode("title", as: String.self) == title)
            let students = try await pool.query("SELECT count(*)::int8 AS n FROM students")
            #expect(try students[0].decode("n", as: Int64.self) == 3)
            // A search for an injection string finds nothing rather than everything.
            var counselor = Browser(client)
            _ = try await counselor.signIn(Seed.emails["counselor"]!)
            let search = try await counselor.get("/students?q=%25'%20OR%201%3D1%20--")
            #expect(search.status == .ok)
            #expect(!search.body.contains("Pena"))
            let wildcard = try await counselor.get("/students?q=%25")
            #expect(!wildcard.body.contains("Pena"), "% is matched literally")
        }
    }
}
