import Database
import Hummingbird
import Testing
import WebApp

@Suite("Referrals")
struct ReferralsTests {
    @Test func caseWorkerRefersAStudentWithRestrictionsAndSeesOnlyTheirOwn() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["case_worker"]!)
            _ = try await browser.get("/referrals")
            let bad = try await browser.post("/referrals", [("school", "clovis-hs"), ("student_number", "C-999"), ("referred_on", "2026-10-01")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("no student C-999 at school clovis-hs"))
            let ok = try await browser.post("/referrals", [
                ("school", "clovis-hs"), ("student_number", "C-100"), ("referred_on", "2026-10-01"),
                ("curfew", "20:00"), ("excluded_counties", "Roosevelt, Quay"), ("approval_required", "1"),
            ])
            #expect(ok.status == .seeOther)
            let page = try await browser.get("/referrals")
            #expect(page.body.contains("Maria Pena"))
            #expect(page.body.contains("curfew 20:00"))
            #expect(page.body.contains("not in Quay, Roosevelt"))
            let rows = try await pool.query("""
                SELECT r.referred_by, rr.curfew::text AS curfew, rr.caseworker_approval_required AS approval
                FROM referrals r JOIN referral_restrictions rr ON rr.referral_id = r.id WHERE r.student_id = $1
                """, [seed.clovisStudents[0]])
            #expect(try rows[0].decode("referred_by", as: Int64.self) == seed.userIDs["case_worker"]!)
            #expect(try rows[0].decode("curfew", as: String.self) == "20:00:00")
            #expect(try rows[0].decode("approval", as: Bool.self))
            // The counselor's pages never show the fact of referral.
            var counselor = Browser(client)
            _ = try await counselor.signIn(Seed.emails["counselor"]!)
            for path in ["/students", "/students/\(seed.clovisStudents[0])", "/students/\(seed.clovisStudents[0])/choices"] {
                let body = try await counselor.get(path).body.lowercased()
                #expect(!body.contains("referr") && !body.contains("curfew") && !body.contains("juvenile"), "\(path)")
            }
        }
    }
}
