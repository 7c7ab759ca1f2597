import Database
import Foundation
import Hummingbird
import Testing
import WebApp

@Suite("Audit log and reports pages")
struct AuditAndReportsPagesTests {
    @Test func aFormChangeIsAuditedAsTheSignedInUserAndCoordinatorsSearchIt() async throws {
        try await WebFixture.with { seed, pool, client in
            var counselor = Browser(client)
            _ = try await counselor.signIn(Seed.emails["counselor"]!)
            let student = seed.clovisStudents[0]
            _ = try await counselor.get("/students/\(student)/choices")
            let before = try await pool.query("SELECT count(*)::int AS n FROM audit_log")[0].decode("n", as: Int.self)
            #expect(try await counselor.post("/students/\(student)/choices/add", [("slot", "\(seed.clovisSlots[0])")]).status == .seeOther)
            let rows = try await pool.query("SELECT actor, actor_user_id, action, entity FROM audit_log ORDER BY id DESC LIMIT 5")
            #expect(try await pool.query("SELECT count(*)::int AS n FROM audit_log")[0].decode("n", as: Int.self) == before + 1, "one choice added, one entry")
            #expect(try rows[0].decode("actor", as: String.self) == Seed.emails["counselor"]!)
            #expect(try rows[0].decode("actor_user_id", as: Int64?.self) == seed.userIDs["counselor"])
            #expect(try rows[0].decode("entity", as: String.self) == "choices")

            #expect(try await counselor.get("/audit").status == .forbidden, "coordinators only")
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(Seed.emails["coordinator"]!)
            let page = try await coordinator.get("/audit?actor=counselor%40clovis&entity=choices")
            #expect(page.status == .ok && page.body.contains(Seed.emails["counselor"]!) && page.body.contains("insert"))
            let none = try await coordinator.get("/audit?actor=nobody")
            #expect(none.body.contains("No entry matches."))
        }
    }

    @Test func perkinsPageAndCSVForCoordinators() async throws {
        try await WebFixture.with { seed, pool, client in
            try await pool.execute("UPDATE students SET cte_concentrator = true, graduated_on = '2027-05-28', special_populations = '{english_learner}' WHERE id = $1", [seed.clovisStudents[0]])
            try await pool.execute("UPDATE students SET cte_concentrator = true, graduated_on = '2027-05-28' WHERE id = $1", [seed.clovisStudents[1]])
            let run = try await pool.query("INSERT INTO match_runs (round_id, kind, seed, algorithm_version) VALUES ($1, 'preview', 1, 't') RETURNING id", [seed.roundID])[0].decode("id", as: Int64.self)
            try await pool.execute("""
                INSERT INTO placements (run_id, student_id, slot_id, status, started_on, completed_on) VALUES ($1, $2, $3, 'completed', '2027-02-01', '2027-04-01')
                """, [run, seed.clovisStudents[0], seed.clovisSlots[0]])
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(Seed.emails["coordinator"]!)
            let page = try await coordinator.get("/reports/perkins-5s3?from=2026-07-01&to=2027-06-30")
            #expect(page.status == .ok && page.body.contains("English learners") && page.body.contains("50.0%"))
            #expect(!page.body.contains("Juvenile services"), "no justice row without the permission")
            let csv = try await coordinator.get("/reports/perkins-5s3.csv?from=2026-07-01&to=2027-06-30")
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.body.contains("overall,all,All CTE concentrators,2,1,50.0"))
            #expect(csv.body.contains("special_population,english_learner,English learners,1,1,100.0"))
            let bad = try await coordinator.get("/reports/perkins-5s3?from=yesterday")
            #expect(bad.status == .badRequest)
        }
    }
}
