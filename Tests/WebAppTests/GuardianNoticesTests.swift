import Database
import Foundation
import Hummingbird
import Testing
import WebApp

/// The "Send missing guardian notices" button: a published final run whose notices were never
/// queued (written here directly, not by the pipeline) gets them once, however often it is pressed.
@Suite("Guardian notices after the final run")
struct GuardianNoticesTests {
    @Test func theResendButtonQueuesWhatAPublishedFinalRunOwesOncePerGuardianInTheirLanguage() async throws {
        try await WebFixture.with { seed, pool, client in
            let (maria, juan, ava) = (seed.clovisStudents[0], seed.clovisStudents[1], seed.portalesStudent)
            try await pool.execute("UPDATE students SET guardian_email = 'fam' || id || '@example.com', guardian_name = 'Family ' || first_name")
            try await pool.execute("UPDATE students SET guardian_language = 'es' WHERE id = $1", [juan])
            try await pool.execute("UPDATE slots SET contact_name = 'Dana Boss', contact_email = 'dana@acme.example' WHERE id = $1", [seed.clovisSlots[0]])
            // Ava was referred and holds a reserved seat: nothing of that may reach her family's email.
            try await pool.execute("""
                INSERT INTO referrals (student_id, juvenile_services_id, referred_by, referred_on) VALUES ($1, $2, $3, '2026-10-01')
                """, [ava, seed.juvenile, seed.userIDs["case_worker"]!])
            let run = try await pool.query("""
                INSERT INTO match_runs (round_id, kind, state, seed, algorithm_version, verified, finished_at, published_at)
                VALUES ($1, 'final', 'published', 1, 't', true, now(), now()) RETURNING id
                """, [seed.roundID])[0].decode("id", as: Int64.self)
            try await pool.execute("""
                INSERT INTO match_assignments (run_id, student_id, slot_id, choice_rank, status, reserved_seat) VALUES
                ($1, $2, $4, 1, 'matched', false), ($1, $3, NULL, NULL, NULL, false), ($1, $5, $4, 2, 'matched', true)
                """, [run, maria, juan, seed.clovisSlots[0], ava])
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(Seed.emails["coordinator"]!)
            _ = try await coordinator.get("/runs/\(run)")
            #expect(try await coordinator.post("/runs/\(run)/guardian-notices", []).status == .seeOther)
            let mails = try await pool.query("SELECT recipients[1] AS r, subject, convert_from(message, 'UTF8') AS m FROM outbox_email ORDER BY id")
            #expect(mails.count == 3)
            func mail(_ student: Int64) throws -> (String, String)? {
                guard let row = try mails.first(where: { try $0.decode("r", as: String.self) == "fam\(student)@example.com" }) else { return nil }
                return (try row.decode("subject", as: String.self), try row.decode("m", as: String.self))
            }
            let placed = try #require(try mail(maria))
            #expect(placed.0.contains("Maria has a work-based-learning placement"))
            #expect(placed.1.contains("Dairy herd assistant") && placed.1.contains("Acme Dairy") && placed.1.contains("2027-01-15") && placed.1.contains("Dana Boss"))
            let second = try #require(try mail(juan))
            #expect(second.0.contains("Segunda ronda"))
            let referred = try #require(try mail(ava))
            for word in ["referr", "juvenile", "court", "restrict", "reserved", "second-chance", "case worker"] {
                #expect(!referred.1.lowercased().contains(word) && !referred.0.lowercased().contains(word), "\(word)")
            }
            #expect(try await pool.query("SELECT count(*)::int AS n FROM placements")[0].decode("n", as: Int.self) == 2, "placements start their lifecycle")
            // Pressing again never duplicates.
            _ = try await coordinator.post("/runs/\(run)/guardian-notices", [])
            #expect(try await pool.query("SELECT count(*)::int AS n FROM outbox_email")[0].decode("n", as: Int.self) == 3)
        }
    }
}
