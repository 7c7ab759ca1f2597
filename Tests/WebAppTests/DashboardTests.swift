import Database
import Hummingbird
import HummingbirdTesting
import Testing
import WebApp

/// Each role's dashboard counts on a fixture with known numbers, limited to the user's own rows.
@Suite("Dashboard counts")
struct DashboardTests {
    /// Clovis HS: Juan has no consent, no choices and one pending consent request (plus an expired
    /// one); Maria chose S1. Portales HS: Ava has no choices and a pending request. Clovis EDC: S3
    /// withdrawn, S2 unchosen, S1 has an applicant and no ranking. Juan is referred (no published
    /// match yet). The outbox holds one queued, one failed and one sent email; one job was discarded;
    /// the latest run failed.
    static func fixture(_ seed: Seed, _ pool: DatabasePool) async throws -> Int64 {
        _ = try await pool.execute("UPDATE students SET guardian_consent_on = NULL WHERE id = $1", [seed.clovisStudents[1]])
        _ = try await pool.execute("INSERT INTO choices (round_id, student_id, rank, slot_id) VALUES ($1, $2, 1, $3)",
                                   [seed.roundID, seed.clovisStudents[0], seed.clovisSlots[0]])
        _ = try await pool.execute("UPDATE slots SET active = false WHERE id = $1", [seed.clovisSlots[2]])
        for (student, expires, n) in [(seed.clovisStudents[1], "now() + interval '7 days'", 1), (seed.clovisStudents[1], "now() - interval '1 day'", 2),
                                      (seed.portalesStudent, "now() + interval '7 days'", 3)] {
            _ = try await pool.execute("""
                INSERT INTO guardian_consent_requests (student_id, token_hash, guardian_email, language, requested_at, expires_at)
                VALUES ($1, sha256($2::text::bytea), 'parent@example.org', 'en', now() - interval '10 days', \(expires))
                """, [student, "token-\(n)"])
        }
        _ = try await pool.execute("""
            INSERT INTO referrals (student_id, juvenile_services_id, referred_by, referred_on) VALUES ($1, $2, $3, '2026-10-01')
            """, [seed.clovisStudents[1], seed.juvenile, seed.userIDs["case_worker"]!])
        for (n, state) in [(1, "queued"), (2, "failed"), (3, "sent")] {
            _ = try await pool.execute("""
                INSERT INTO outbox_email (message_id, envelope_from, recipients, subject, message, state, sent_at)
                VALUES ($1, 'wbl@region1.example', ARRAY['a@example.org'], 's', 'x'::bytea, $2, CASE WHEN $2 = 'sent' THEN now() END)
                """, ["<m\(n)@region1.example>", state])
        }
        _ = try await pool.execute("INSERT INTO jobs (kind, state, finalized_at) VALUES ('match.run', 'discarded', now() - interval '1 hour')")
        _ = try await pool.execute("INSERT INTO jobs (kind, state, finalized_at) VALUES ('match.run', 'discarded', now() - interval '30 days')")
        _ = try await pool.execute("INSERT INTO jobs (kind, state, finalized_at) VALUES ('mail.send', 'completed', now())")
        let run = try await pool.query("""
            INSERT INTO match_runs (round_id, kind, state, seed, algorithm_version, error, finished_at)
            VALUES ($1, 'preview', 'failed', 7, 'test', 'the snapshot failed', now()) RETURNING id
            """, [seed.roundID])
        return try run[0].decode("id", as: Int64.self)
    }

    static func dashboard(_ client: any TestClientProtocol, _ who: String) async throws -> String {
        var browser = Browser(client)
        _ = try await browser.signIn(Seed.emails[who]!)
        let page = try await browser.get("/")
        #expect(page.status == .ok)
        return page.body
    }

    @Test func countsPerRoleAreCorrectAndScoped() async throws {
        try await WebFixture.with { seed, pool, client in
            let run = try await Self.fixture(seed, pool)

            let counselor = try await Self.dashboard(client, "counselor")
            #expect(counselor.contains("1 student has no guardian consent on file"))
            #expect(counselor.contains("1 student has no choices yet"))
            #expect(counselor.contains("1 consent request waits for a guardian&#39;s answer") || counselor.contains("1 consent request waits for a guardian's answer"))

            let portales = try await Self.dashboard(client, "counselor2")
            #expect(portales.contains("1 student has no choices yet"))
            #expect(!portales.contains("guardian consent on file"))
            #expect(portales.contains("1 consent request waits"))

            let edc = try await Self.dashboard(client, "edc_staff")
            #expect(edc.contains("1 slot has applicants you could rank"))
            #expect(edc.contains("1 offered slot no student has chosen yet"))
            #expect(edc.contains("1 slot is withdrawn"))
            #expect(edc.contains("2 slots offered"))
            #expect(!edc.contains("seats left"))   // no published match yet

            let edc2 = try await Self.dashboard(client, "edc2")
            #expect(edc2.contains("1 offered slot no student has chosen yet"))
            #expect(!edc2.contains("could rank"))
            #expect(!edc2.contains("withdrawn"))

            let employer = try await Self.dashboard(client, "employer")
            #expect(employer.contains("1 slot has applicants you could rank"))
            #expect(!employer.contains("withdrawn"))

            let worker = try await Self.dashboard(client, "case_worker")
            #expect(worker.contains("1 referral awaits a published match"))
            #expect(!worker.contains("for your approval"))

            let coordinator = try await Self.dashboard(client, "coordinator")
            #expect(coordinator.contains("The latest match run (#\(run), trial) failed: see why"))
            #expect(coordinator.contains("href=\"/runs/\(run)\""))
            #expect(coordinator.contains("1 background job failed in the last 7 days"))
            #expect(coordinator.contains("2 emails are not sent yet"))
            #expect(coordinator.contains("1 failed: check SMTP_URL"))
        }
    }

    @Test func aPublishedMatchCountsOpenSeatsAndOutcomes() async throws {
        try await WebFixture.with { seed, pool, client in
            _ = try await Self.fixture(seed, pool)
            // Juan placed at S1 (capacity 2) in a published final run: S1 and S2 still have seats; S3 is withdrawn.
            let run = try await pool.query("""
                INSERT INTO match_runs (round_id, kind, state, seed, algorithm_version, verified, finished_at, published_at)
                VALUES ($1, 'final', 'published', 7, 'test', true, now(), now()) RETURNING id
                """, [seed.roundID])
            let runID = try run[0].decode("id", as: Int64.self)
            _ = try await pool.execute("""
                INSERT INTO match_assignments (run_id, student_id, slot_id, choice_rank, status) VALUES ($1, $2, $3, 1, 'matched')
                """, [runID, seed.clovisStudents[1], seed.clovisSlots[0]])
            _ = try await pool.execute("UPDATE slots SET capacity = 1 WHERE id = $1", [seed.clovisSlots[0]])
            let edc = try await Self.dashboard(client, "edc_staff")
            #expect(edc.contains("1 slot has seats left after the published match"))
            let worker = try await Self.dashboard(client, "case_worker")
            #expect(!worker.contains("awaits a published match"))
            let coordinator = try await Self.dashboard(client, "coordinator")
            #expect(coordinator.contains("(#\(runID), final) was published"))
        }
    }
}
