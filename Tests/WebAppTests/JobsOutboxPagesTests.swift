import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WebApp

/// `/jobs` and `/outbox`: what the coordinators' dashboard lines "failed jobs" and "unsent emails"
/// open — the lists, a job's errors, retry / cancel / discard through JobAdmin — coordinators only,
/// and never an email's body.
@Suite("Jobs and outbox pages")
struct JobsOutboxPagesTests {
    struct Jobs { var discarded: Int64; var available: Int64; var running: Int64; var completed: Int64 }

    static let body = "SECRET-BODY: Maria's curfew is 20:00"

    static func insert(_ pool: DatabasePool) async throws -> Jobs {
        func job(_ sql: String) async throws -> Int64 { try await pool.query(sql)[0].decode("id") }
        let discarded = try await job("""
            INSERT INTO jobs (kind, state, attempt, max_attempts, finalized_at, attempted_at, locked_by, errors)
            VALUES ('report.nightly', 'discarded', 3, 3, now() - interval '1 hour', now() - interval '1 hour', 'host:1:a',
                    '[{"attempt": 3, "at": "2026-11-28T09:00:00Z", "kind": "error", "error": "template <b>missing</b> field"}]') RETURNING id
            """)
        let available = try await job("INSERT INTO jobs (kind, run_at) VALUES ('noop', now() + interval '1 hour') RETURNING id")
        let running = try await job("""
            INSERT INTO jobs (kind, state, attempt, locked_by, attempted_at, heartbeat_at) VALUES ('match.run', 'running', 1, 'host:2:b', now(), now()) RETURNING id
            """)
        let completed = try await job("INSERT INTO jobs (kind, state, attempt, finalized_at) VALUES ('noop', 'completed', 1, now()) RETURNING id")
        let outbox = """
            INSERT INTO outbox_email (message_id, envelope_from, recipients, subject, message, state, attempts, last_error, sent_at)
            VALUES ($1, 'wbl@region1.example', $2, $3, convert_to($4, 'UTF8'), $5, $6, $7, CASE WHEN $5 = 'sent' THEN now() END)
            """
        try await pool.execute(outbox, ["<q1@region1.example>", ["pena@example.com"], "Consent request for Maria", body, "queued", 2, "connection refused"])
        try await pool.execute(outbox, ["<f1@region1.example>", ["baca@example.com"], "Placement notice for Juan", body, "failed", 8, "550 mailbox unavailable"])
        try await pool.execute(outbox, ["<s1@region1.example>", ["cora@region1.example"], "Match run #1 succeeded", body, "sent", 1, String?.none])
        return Jobs(discarded: discarded, available: available, running: running, completed: completed)
    }

    static func state(_ pool: DatabasePool, _ id: Int64) async throws -> String {
        try await pool.query("SELECT state FROM jobs WHERE id = $1", [id])[0].decode("state")
    }

    @Test func theDashboardLinksToJobsAndOutboxWhichListThem() async throws {
        try await WebFixture.with { _, pool, client in
            let jobs = try await Self.insert(pool)
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(Seed.emails["coordinator"]!)
            let dashboard = try await coordinator.get("/").body
            #expect(dashboard.contains(#"<a href="/jobs?state=discarded">1 background job failed in the last 7 days"#))
            #expect(dashboard.contains(#"<a href="/outbox?state=failed">2 emails are not sent yet"#))

            let all = try await coordinator.get("/jobs")
            #expect(all.status == .ok)
            for id in [jobs.discarded, jobs.available, jobs.running, jobs.completed] { #expect(all.body.contains(#"href="/jobs/\#(id)""#)) }
            let failed = try await coordinator.get("/jobs?state=discarded").body
            #expect(failed.contains("/jobs/\(jobs.discarded)") && !failed.contains(#"href="/jobs/\#(jobs.available)""#))
            #expect(failed.contains("error: template &lt;b&gt;missing&lt;/b&gt; field") && !failed.contains("<b>missing"))
            #expect(failed.contains("<strong>discarded (1)</strong>"))
            #expect(try await coordinator.get("/jobs?state=nonsense").body.contains("is not a job state; showing every job"))

            let outbox = try await coordinator.get("/outbox")
            #expect(outbox.status == .ok)
            for text in ["pena@example.com", "Consent request for Maria", "connection refused", "baca@example.com", "Placement notice for Juan",
                         "550 mailbox unavailable", "Match run #1 succeeded", "queued (1)", "failed (1)", "sent (1)"] {
                #expect(outbox.body.contains(text), "outbox page lacks \(text)")
            }
            #expect(!outbox.body.contains("SECRET-BODY") && !outbox.body.contains("curfew"), "never the message body")
            let onlyFailed = try await coordinator.get("/outbox?state=failed").body
            #expect(onlyFailed.contains("baca@example.com") && !onlyFailed.contains("pena@example.com") && !onlyFailed.contains("cora@region1"))
            #expect(!onlyFailed.contains("SECRET-BODY"))
        }
    }

    @Test func aCoordinatorRetriesCancelsAndDiscardsJobsWithCSRFAndAudit() async throws {
        try await WebFixture.with { _, pool, client in
            let jobs = try await Self.insert(pool)
            let email = Seed.emails["coordinator"]!
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(email)
            let page = try await coordinator.get("/jobs/\(jobs.discarded)")
            #expect(page.status == .ok && page.body.contains("report.nightly"))
            #expect(page.body.contains("template &lt;b&gt;missing&lt;/b&gt; field") && page.body.contains("2026-11-28T09:00:00Z"))
            #expect(page.body.contains("/jobs/\(jobs.discarded)/retry") && !page.body.contains("/jobs/\(jobs.discarded)/discard"))

            // No CSRF token: 403, nothing changes.
            #expect(try await coordinator.post("/jobs/\(jobs.discarded)/retry", [], csrf: false).status == .forbidden)
            #expect(try await Self.state(pool, jobs.discarded) == "discarded")

            let retried = try await coordinator.post("/jobs/\(jobs.discarded)/retry", [])
            #expect(retried.status == .seeOther && retried.location == "/jobs/\(jobs.discarded)")
            #expect(try await Self.state(pool, jobs.discarded) == "available")
            #expect(try await coordinator.get("/jobs/\(jobs.discarded)").body.contains("is available again"))

            // JobAdmin's refusals are shown, nothing changed.
            _ = try await coordinator.post("/jobs/\(jobs.running)/retry", [])
            #expect(try await coordinator.get("/jobs/\(jobs.running)").body.contains("Not done: job \(jobs.running) is running"))
            #expect(try await Self.state(pool, jobs.running) == "running")
            _ = try await coordinator.post("/jobs/\(jobs.completed)/discard", [])
            #expect(try await coordinator.get("/jobs/\(jobs.completed)").body.contains("Not done: job \(jobs.completed) is completed, not waiting"))
            #expect(try await Self.state(pool, jobs.completed) == "completed")

            _ = try await coordinator.post("/jobs/\(jobs.available)/discard", [])
            #expect(try await Self.state(pool, jobs.available) == "discarded")
            _ = try await coordinator.post("/jobs/\(jobs.running)/cancel", [])
            #expect(try await coordinator.get("/jobs/\(jobs.running)").body.contains("its worker will cancel it at its next heartbeat"))
            let asked: Bool = try await pool.query("SELECT cancel_requested_at IS NOT NULL AS asked FROM jobs WHERE id = $1", [jobs.running])[0].decode("asked")
            #expect(asked)

            #expect(try await coordinator.get("/jobs/999999").status == .notFound)
            #expect(try await coordinator.post("/jobs/999999/retry", []).status == .notFound)

            // One audit entry per action done (refusals leave none).
            let audited = try await pool.query("SELECT action || ' ' || entity_id AS e FROM audit_log WHERE entity = 'jobs' AND actor = $1 ORDER BY id", [email])
                .map { try $0.decode("e", as: String.self) }
            #expect(audited == ["retry \(jobs.discarded)", "discard \(jobs.available)", "cancel \(jobs.running)"])
        }
    }

    /// A failed email is queued again from /outbox (CSRF, audit); a queued or sent one is not touched.
    @Test func aCoordinatorSendsAFailedEmailAgain() async throws {
        try await WebFixture.with { _, pool, client in
            _ = try await Self.insert(pool)
            func email(_ subject: String) async throws -> (id: Int64, state: String, attempts: Int) {
                let row = try await pool.query("SELECT id, state, attempts FROM outbox_email WHERE subject = $1", [subject])[0]
                return (try row.decode("id"), try row.decode("state"), try row.decode("attempts"))
            }
            let failed = try await email("Placement notice for Juan")
            let sent = try await email("Match run #1 succeeded")
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(Seed.emails["coordinator"]!)
            let page = try await coordinator.get("/outbox?state=failed")
            #expect(page.body.contains("action=\"/outbox/\(failed.id)/retry\""))
            #expect(!(try await coordinator.get("/outbox?state=sent")).body.contains("/outbox/\(sent.id)/retry"))

            #expect(try await coordinator.post("/outbox/\(failed.id)/retry", [], csrf: false).status == .forbidden)
            #expect(try await email("Placement notice for Juan").state == "failed")
            let done = try await coordinator.post("/outbox/\(failed.id)/retry", [])
            #expect(done.status == .seeOther)
            let now = try await email("Placement notice for Juan")
            #expect(now.state == "queued" && now.attempts == 0)
            #expect(try await coordinator.get("/outbox?state=failed").body.contains("is queued again"))

            _ = try await coordinator.post("/outbox/\(sent.id)/retry", [])
            #expect(try await email("Match run #1 succeeded").state == "sent")
            #expect(try await coordinator.get("/outbox").body.contains("Not done: email \(sent.id) is not a failed email"))

            let audited = try await pool.query("SELECT action || ' ' || entity_id AS e FROM audit_log WHERE entity = 'outbox_email'")
                .map { try $0.decode("e", as: String.self) }
            #expect(audited == ["retry \(failed.id)"])

            var counselor = Browser(client)
            _ = try await counselor.signIn(Seed.emails["counselor"]!)
            _ = try await counselor.get("/")
            #expect(try await counselor.post("/outbox/\(failed.id)/retry", []).status == .forbidden)
        }
    }

    @Test func onlyCoordinatorsReachJobsAndOutbox() async throws {
        try await WebFixture.with { _, pool, client in
            let jobs = try await Self.insert(pool)
            for role in ["counselor", "edc_staff", "case_worker", "employer"] {
                var b = Browser(client)
                _ = try await b.signIn(Seed.emails[role]!)
                _ = try await b.get("/")
                for path in ["/jobs", "/jobs/\(jobs.discarded)", "/outbox", "/outbox?state=failed"] {
                    #expect(try await b.get(path).status == .forbidden, "\(role) \(path)")
                }
                #expect(try await b.post("/jobs/\(jobs.discarded)/retry", []).status == .forbidden, "\(role)")
            }
            #expect(try await Self.state(pool, jobs.discarded) == "discarded")
            var anonymous = Browser(client)
            #expect(try await anonymous.get("/outbox").status == .seeOther)
        }
    }
}
