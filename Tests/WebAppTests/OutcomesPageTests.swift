import Database
import Foundation
import Hummingbird
import Testing
import WebApp

/// The coordinator's outcomes page and CSV on a run with known numbers.
@Suite("Outcomes report page and CSV")
struct OutcomesPageTests {
    /// Round "Fall 2026" (published: 1 of 2 matched) precedes the seed's round. In it, a first trial
    /// run matched Maria only; the run under test matches Maria (Clovis, agriculture, Clovis EDC
    /// internship) and Ava (Portales, referred, the Portales EDC's job shadow, its reserved seat);
    /// Juan (Clovis, manufacturing) failed guardian consent on his first choice; Leo (Portales,
    /// referred) was excluded by a court order on his — a confidential reason.
    static func fixture(_ seed: Seed, _ pool: DatabasePool) async throws -> Int64 {
        let (maria, juan, ava) = (seed.clovisStudents[0], seed.clovisStudents[1], seed.portalesStudent)
        try await pool.execute("UPDATE organizations SET county = 'Roosevelt' WHERE id = $1", [seed.portalesHS])
        try await pool.execute("UPDATE students SET program_of_study = 'manufacturing' WHERE id = $1", [juan])
        try await pool.execute("UPDATE slots SET kind = 'job_shadow', reserved_seats = 1 WHERE id = $1", [seed.portalesSlot])
        let leo = try await pool.query("""
            INSERT INTO students (school_id, external_id, first_name, last_name, birth_date, grade, transport, program_of_study)
            VALUES ($1, 'P-201', 'Leo', 'Ortiz', '2009-05-02', 11, 'family', 'agriculture') RETURNING id
            """, [seed.portalesHS])[0].decode("id", as: Int64.self)
        for student in [ava, leo] {
            try await pool.execute("INSERT INTO referrals (student_id, juvenile_services_id, referred_by, referred_on) VALUES ($1, $2, $3, '2026-10-01')",
                                   [student, seed.juvenile, seed.userIDs["case_worker"]!])
        }
        for (student, slot) in [(maria, seed.clovisSlots[0]), (juan, seed.clovisSlots[1]), (ava, seed.portalesSlot), (leo, seed.portalesSlot)] {
            try await pool.execute("INSERT INTO choices (round_id, student_id, rank, slot_id) VALUES ($1, $2, 1, $3)", [seed.roundID, student, slot])
        }
        func run(_ round: Int64, _ state: String, previous: Int64?) async throws -> Int64 {
            try await pool.query("""
                INSERT INTO match_runs (round_id, kind, state, seed, algorithm_version, verified, finished_at, previous_run_id, published_at)
                VALUES ($1, $2, $3, 1, 't', true, now(), $4, CASE WHEN $3 = 'published' THEN now() END) RETURNING id
                """, [round, state == "published" ? "final" : "manual", state, previous])[0].decode("id", as: Int64.self)
        }
        let assign = "INSERT INTO match_assignments (run_id, student_id, slot_id, choice_rank, status, reserved_seat) VALUES ($1, $2, $3, $4, $5, $6)"
        // The previous round: published, Maria matched, Juan not.
        let fall = try await pool.query("INSERT INTO rounds (name, state) VALUES ('Fall 2026', 'final') RETURNING id")[0].decode("id", as: Int64.self)
        try await pool.execute("UPDATE rounds SET previous_round_id = $1 WHERE id = $2", [fall, seed.roundID])
        let fallRun = try await run(fall, "published", previous: nil)
        try await pool.execute(assign, [fallRun, maria, seed.clovisSlots[2], 1, "matched", false])
        try await pool.execute(assign, [fallRun, juan, Int64?.none, Int?.none, String?.none, false])
        // This round's trial run, then the run under test.
        let trial = try await run(seed.roundID, "succeeded", previous: nil)
        try await pool.execute(assign, [trial, maria, seed.clovisSlots[0], 1, "matched", false])
        let runID = try await run(seed.roundID, "succeeded", previous: trial)
        try await pool.execute(assign, [runID, maria, seed.clovisSlots[0], 1, "matched", false])
        try await pool.execute(assign, [runID, juan, Int64?.none, Int?.none, String?.none, false])
        try await pool.execute(assign, [runID, ava, seed.portalesSlot, 1, "matched", true])
        try await pool.execute(assign, [runID, leo, Int64?.none, Int?.none, String?.none, false])
        let explain = """
            INSERT INTO match_explanations (run_id, student_id, slot_id, choice_rank, outcome, reason_codes, confidential)
            VALUES ($1, $2, $3, 1, 'ineligible', $4::text[], $5)
            """
        try await pool.execute(explain, [runID, juan, seed.clovisSlots[1], ["guardian_consent"], false])
        try await pool.execute(explain, [runID, leo, seed.portalesSlot, ["court_excluded_employer"], true])
        return runID
    }

    @Test func theCoordinatorSeesKnownRatesAndNoReferredRowWithoutThePermission() async throws {
        try await WebFixture.with { seed, pool, client in
            let runID = try await Self.fixture(seed, pool)
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(Seed.emails["coordinator"]!)
            let page = try await coordinator.get("/reports/outcomes?run=\(runID)")
            #expect(page.status == .ok)
            let body = page.body
            #expect(body.contains("2 of 4 students matched (50.0%)"))
            #expect(body.contains("Previous run \(try await Self.trialRun(pool, runID)): 1 matched (+1)."))
            #expect(body.contains("Previous round, Fall 2026 (published run") && body.contains("1 of 2 students matched (50.0%)"))
            #expect(body.contains("Reserved seats used: 1 of 1."))
            for row in ["<td>Clovis High School</td><td>2</td><td>1</td><td>50.0%</td>", "<td>Portales High School</td><td>2</td><td>1</td><td>50.0%</td>",
                        "<td>agriculture</td><td>3</td><td>2</td><td>66.7%</td>", "<td>manufacturing</td><td>1</td><td>0</td><td>0.0%</td>",
                        "<td>Curry</td><td>2</td><td>1</td><td>50.0%</td>", "<td>Roosevelt</td><td>2</td><td>1</td><td>50.0%</td>",
                        "<td>Clovis EDC</td><td>6</td><td>1</td><td>16.7%</td>", "<td>Portales EDC</td><td>2</td><td>1</td><td>50.0%</td>",
                        "<td>internship</td><td>6</td><td>1</td><td>16.7%</td>", "<td>job_shadow</td><td>2</td><td>1</td><td>50.0%</td>",
                        "<td>Welding shop intern</td><td>Portales Welding</td><td>2</td><td>1</td>",
                        "<td>Cheese plant helper</td><td>Acme Dairy</td><td>2</td><td>0</td>"] {
                #expect(body.contains(row), "missing \(row)")
            }
            #expect(body.contains("<li>guardian_consent: 1</li>") && body.contains("<li>not_available: 1</li>"))
            // Without the juvenile permission: no referred-youth row, no court reason, no view recorded.
            #expect(!body.contains("Referred") && !body.contains("court_excluded_employer"))
            #expect(try await pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'view'")[0].decode("n", as: Int.self) == 0)

            let csv = try await coordinator.get("/reports/outcomes.csv?run=\(runID)")
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = Set(csv.body.split(separator: "\n").map(String.init))
            for line in ["group,label,total,matched,rate_percent", "overall,All,4,2,50.0", "school,Clovis High School,2,1,50.0",
                         "program_of_study,agriculture,3,2,66.7", "program_of_study,manufacturing,1,0,0.0", "county,Roosevelt,2,1,50.0",
                         "edc,Clovis EDC,6,1,16.7", "kind,job_shadow,2,1,50.0", "unmatched_reason,guardian_consent,1,,",
                         "unmatched_reason,not_available,1,,", "reserved_seats,used,1,1,", "previous_round,Fall 2026,2,1,50.0",
                         "unfilled_slot,Dairy herd assistant · Acme Dairy,2,1,"] {
                #expect(lines.contains(line), "CSV misses \(line)")
            }
            #expect(!csv.body.contains("referred") && !csv.body.contains("court"))
        }
    }

    @Test func aCoordinatorWithThePermissionSeesTheReferredRowAndTheViewIsAudited() async throws {
        try await WebFixture.with { seed, pool, client in
            let runID = try await Self.fixture(seed, pool)
            try await pool.execute("UPDATE users SET can_view_juvenile = true WHERE id = $1", [seed.userIDs["coordinator"]!])
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(Seed.emails["coordinator"]!)
            let body = try await coordinator.get("/reports/outcomes?run=\(runID)").body
            #expect(body.contains("Referred youth (confidential)") && body.contains("<td>Referred by juvenile services</td><td>2</td><td>1</td><td>50.0%</td>"))
            #expect(body.contains("<li>court_excluded_employer: 1</li>") && !body.contains("not_available"))
            let csv = try await coordinator.get("/reports/outcomes.csv?run=\(runID)").body
            #expect(csv.contains("referred,Referred by juvenile services,2,1,50.0"))
            #expect(try await pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'view' AND actor = $1",
                                         [Seed.emails["coordinator"]!])[0].decode("n", as: Int.self) == 2, "each view recorded once")
            // Other roles never reach the report.
            var counselor = Browser(client)
            _ = try await counselor.signIn(Seed.emails["counselor"]!)
            #expect(try await counselor.get("/reports/outcomes?run=\(runID)").status == .forbidden)
        }
    }

    static func trialRun(_ pool: DatabasePool, _ runID: Int64) async throws -> Int64 {
        try await pool.query("SELECT previous_run_id FROM match_runs WHERE id = $1", [runID])[0].decode("previous_run_id")
    }
}
