import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Testing
import WebApp

/// `/referrals/approvals`: the referring case worker approves or declines the placements the
/// match holds for their referred students; nobody else reaches them, and nothing of it shows on
/// the school's, the EDC's or the employer's pages.
@Suite("Case-worker approval of placements")
struct ApprovalsTests {
    /// PlacementsTests' published final run (Ava, Portales HS, referred by the seed's case worker,
    /// awaits approval in the Portales EDC's one-seat welding slot), Ava's guardian on file, and a
    /// second case worker of the same office who referred nobody.
    static func setUp(_ seed: Seed, _ pool: DatabasePool) async throws -> PlacementsTests.Placements {
        try await pool.execute("UPDATE slots SET capacity = 1 WHERE id = $1", [seed.portalesSlot])
        try await pool.execute("UPDATE students SET guardian_email = 'lopez@example.com', guardian_name = 'Rosa Lopez' WHERE id = $1",
                               [seed.portalesStudent])
        try await pool.execute("""
            INSERT INTO users (email, name, role, organization_id, password_hash)
            SELECT 'other@jsd.example', 'Other Worker', 'case_worker', organization_id, password_hash FROM users WHERE email = $1
            """, [Seed.emails["case_worker"]!])
        return try await PlacementsTests.publish(seed, pool)
    }

    static func count(_ pool: DatabasePool, _ sql: String, _ binds: [any SQLEncodable] = []) async throws -> Int {
        try await pool.query(sql, binds)[0].decode("n")
    }

    /// Words that would tell a reader the student was referred (or that a case worker had a say).
    static let telltales = ["referr", "approv", "case worker", "caseworker", "juvenile", "court", "pending", "curfew"]

    @Test func theReferringCaseWorkerApprovesAndTheGuardianIsToldAudited() async throws {
        try await WebFixture.with { seed, pool, client in
            let p = try await Self.setUp(seed, pool)
            let worker = Seed.emails["case_worker"]!
            var caseWorker = Browser(client)
            _ = try await caseWorker.signIn(worker)
            let dashboard = try await caseWorker.get("/")
            #expect(dashboard.body.contains(#"href="/referrals/approvals""#) && dashboard.body.contains("1 placement waits for your approval"))
            let page = try await caseWorker.get("/referrals/approvals")
            #expect(page.status == .ok && page.body.contains("Ava Lopez") && page.body.contains("Welding shop intern")
                    && page.body.contains("Portales Welding") && page.body.contains("/referrals/approvals/\(p.ava)/approve"))
            #expect(!page.body.contains("Maria Pena"), "only the case worker's referred students")
            #expect(try await Self.count(pool, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'view' AND entity = 'placement_approvals' AND actor = $1", [worker]) == 1)
            // No guardian notice before the approval.
            #expect(try await Self.count(pool, "SELECT count(*)::int AS n FROM guardian_notices WHERE student_id = $1", [seed.portalesStudent]) == 0)

            #expect(try await caseWorker.get("/referrals").body.contains(#"Welding shop intern · Portales Welding — <a href="/referrals/approvals">awaits your approval</a>"#))
            // Without the CSRF token: 403, nothing changes.
            #expect(try await caseWorker.post("/referrals/approvals/\(p.ava)/approve", [], csrf: false).status == .forbidden)
            #expect(try await PlacementsTests.status(pool, p.ava) == "pending_approval")
            // Another placement (not a referred student's) is 404, unchanged.
            #expect(try await caseWorker.post("/referrals/approvals/\(p.maria)/approve", []).status == .notFound)
            #expect(try await caseWorker.post("/referrals/approvals/\(p.maria)/decline", [("reason", "x")]).status == .notFound)
            #expect(try await PlacementsTests.status(pool, p.maria) == "matched")

            let approved = try await caseWorker.post("/referrals/approvals/\(p.ava)/approve", [])
            #expect(approved.status == .seeOther && approved.location == "/referrals/approvals")
            let after = try await caseWorker.get("/referrals/approvals")
            #expect(after.body.contains("Approved: Ava Lopez at Welding shop intern") && after.body.contains("placement notice is queued"))
            #expect(after.body.contains("No placement waits for your approval") && after.body.contains("approved on"))
            #expect(try await PlacementsTests.status(pool, p.ava) == "matched")
            // One audit entry each, as the case worker; the guardian's notice queued once.
            #expect(try await PlacementsTests.entries(pool, "placements", actor: worker) == 1)
            #expect(try await Self.count(pool, "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'placement_approvals' AND action = 'insert' AND actor = $1", [worker]) == 1)
            #expect(try await Self.count(pool, "SELECT count(*)::int AS n FROM guardian_notices WHERE student_id = $1 AND kind = 'placed'", [seed.portalesStudent]) == 1)
            #expect(try await Self.count(pool, "SELECT count(*)::int AS n FROM outbox_email WHERE 'lopez@example.com' = ANY (recipients)") == 1)
            // Decided: a second approval is 404, and the dashboard count is gone.
            #expect(try await caseWorker.post("/referrals/approvals/\(p.ava)/approve", []).status == .notFound)
            #expect(!(try await caseWorker.get("/").body.contains("for your approval")))

            // The school now accepts it as any other placement.
            var counselor = Browser(client)
            _ = try await counselor.signIn(Seed.emails["counselor2"]!)
            _ = try await counselor.get("/placements/\(p.ava)")
            _ = try await counselor.post("/placements/\(p.ava)/transition", [("action", "accept"), ("on", "2027-01-11")])
            #expect(try await PlacementsTests.status(pool, p.ava) == "accepted")
        }
    }

    @Test func onlyTheReferringCaseWorkerReachesTheApproval() async throws {
        try await WebFixture.with { seed, pool, client in
            let p = try await Self.setUp(seed, pool)
            var other = Browser(client)
            _ = try await other.signIn("other@jsd.example")
            let page = try await other.get("/referrals/approvals")
            #expect(page.status == .ok && !page.body.contains("Ava") && page.body.contains("No placement waits for your approval"))
            #expect(try await other.post("/referrals/approvals/\(p.ava)/approve", []).status == .notFound)
            #expect(try await other.post("/referrals/approvals/\(p.ava)/decline", [("reason", "no")]).status == .notFound)
            #expect(try await PlacementsTests.status(pool, p.ava) == "pending_approval")
            // Other roles: 403.
            for role in ["coordinator", "counselor2", "edc2", "employer"] {
                var b = Browser(client)
                _ = try await b.signIn(Seed.emails[role]!)
                #expect(try await b.get("/referrals/approvals").status == .forbidden, "\(role)")
                #expect(try await b.post("/referrals/approvals/\(p.ava)/approve", []).status == .forbidden, "\(role)")
            }
            #expect(try await PlacementsTests.status(pool, p.ava) == "pending_approval")
            #expect(try await Self.count(pool, "SELECT count(*)::int AS n FROM placement_approvals") == 0)
        }
    }

    @Test func aDeclineWithdrawsThePlacementOpensTheSeatAndRevealsNothing() async throws {
        try await WebFixture.with { seed, pool, client in
            let p = try await Self.setUp(seed, pool)
            let worker = Seed.emails["case_worker"]!
            let secret = "Probation officer objects to evening welding work"
            var edc = Browser(client)
            _ = try await edc.signIn(Seed.emails["edc2"]!)
            #expect(!(try await edc.get("/").body.contains("seats left")), "the one seat is filled")

            var caseWorker = Browser(client)
            _ = try await caseWorker.signIn(worker)
            _ = try await caseWorker.get("/referrals/approvals")
            // No reason: refused, nothing changed.
            #expect(try await caseWorker.post("/referrals/approvals/\(p.ava)/decline", [("reason", "  ")]).status == .seeOther)
            #expect(try await caseWorker.get("/referrals/approvals").body.contains("Not saved: say why you decline the placement"))
            #expect(try await PlacementsTests.status(pool, p.ava) == "pending_approval")
            #expect(try await PlacementsTests.entries(pool, "placements", actor: worker) == 0)

            #expect(try await caseWorker.post("/referrals/approvals/\(p.ava)/decline", [("reason", secret)]).status == .seeOther)
            let page = try await caseWorker.get("/referrals/approvals")
            #expect(page.body.contains("Declined: Ava Lopez will not be placed at Welding shop intern; the seat is open again."))
            #expect(page.body.contains("declined: \(secret) on"))
            #expect(try await caseWorker.get("/referrals").body.contains(#"Welding shop intern · Portales Welding <span class="muted">(withdrawn)</span>"#))
            let row = try await pool.query("SELECT status, withdrawn_reason, withdrawn_on IS NOT NULL AS dated FROM placements WHERE id = $1", [p.ava])[0]
            #expect(try row.decode("status", as: String.self) == "withdrawn" && row.decode("dated", as: Bool.self))
            #expect(try row.decode("withdrawn_reason", as: String.self) == PlacementApprovalBook.schoolReason)
            #expect(try await Self.count(pool, "SELECT count(*)::int AS n FROM placement_approvals WHERE placement_id = $1 AND decision = 'declined' AND reason = $2",
                                         [p.ava, secret]) == 1)
            #expect(try await PlacementsTests.entries(pool, "placements", actor: worker) == 1)
            #expect(try await Self.count(pool, "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'placement_approvals' AND action = 'insert' AND actor = $1", [worker]) == 1)
            // No guardian is told of a declined placement.
            #expect(try await Self.count(pool, "SELECT count(*)::int AS n FROM guardian_notices WHERE student_id = $1", [seed.portalesStudent]) == 0)

            // The seat is noted open on the EDC's dashboard.
            #expect(try await edc.get("/").body.contains("1 slot has seats left after the published match"))

            // Nothing about the referral on the school's, the EDC's or the employer's pages.
            var counselor = Browser(client)
            _ = try await counselor.signIn(Seed.emails["counselor2"]!)
            var employer = Browser(client)
            _ = try await employer.signIn(Seed.emails["employer"]!)
            let pages: [(String, String)] = [
                ("counselor", (try await counselor.get("/")).body), ("counselor", (try await counselor.get("/placements")).body),
                ("counselor", (try await counselor.get("/placements/\(p.ava)")).body),
                ("counselor", (try await counselor.get("/students/\(seed.portalesStudent)")).body),
                ("edc", (try await edc.get("/")).body), ("edc", (try await edc.get("/placements")).body),
                ("edc", (try await edc.get("/placements/\(p.ava)")).body), ("edc", (try await edc.get("/slots")).body),
                ("edc", (try await edc.get("/rankings/\(seed.portalesSlot)")).body),
                ("employer", (try await employer.get("/")).body), ("employer", (try await employer.get("/rankings")).body),
            ]
            let counselorPlacement = pages[2].1
            #expect(counselorPlacement.contains(">withdrawn<") && counselorPlacement.contains(PlacementApprovalBook.schoolReason))
            for (who, body) in pages {
                #expect(!body.contains(secret), "\(who) page shows the case worker's reason")
                for word in Self.telltales {
                    #expect(!body.lowercased().contains(word), "\(who) page mentions '\(word)'")
                }
            }
            // A coordinator without juvenile-data permission sees neither the decision nor the
            // placement's earlier 'pending_approval' in the audit log; an entitled one sees both.
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(Seed.emails["coordinator"]!)
            let audit = try await coordinator.get("/audit")
            #expect(audit.status == .ok && !audit.body.contains("pending_approval") && !audit.body.contains("placement_approvals")
                    && !audit.body.contains("Probation"))
            try await pool.execute("UPDATE users SET can_view_juvenile = true WHERE id = $1", [seed.userIDs["coordinator"]!])
            let entitled = try await coordinator.get("/audit")
            #expect(entitled.body.contains("placement_approvals") && entitled.body.contains("pending_approval"))
        }
    }

    /// An approval and a decline racing on the same placement: one wins, the other finds nothing.
    @Test func concurrentDecisionsOnOnePlacementRecordOne() async throws {
        try await WebFixture.with { seed, pool, _ in
            let p = try await Self.setUp(seed, pool)
            let worker = seed.userIDs["case_worker"]!
            let day = CalendarDate(year: 2027, month: 1, day: 12)
            async let approved = pool.withTransaction { conn in
                try await PlacementApprovalBook.approve(placementID: p.ava, caseWorkerID: worker, on: day, conn: conn)?.decision
            }
            async let declined = pool.withTransaction { conn in
                try await PlacementApprovalBook.decline(placementID: p.ava, caseWorkerID: worker, on: day, reason: "no", conn: conn)?.decision
            }
            let decisions = [try await approved, try await declined].compactMap { $0 }
            #expect(decisions.count == 1)
            #expect(try await Self.count(pool, "SELECT count(*)::int AS n FROM placement_approvals WHERE placement_id = $1", [p.ava]) == 1)
            let status = try await PlacementsTests.status(pool, p.ava)
            #expect(status == (decisions == ["approved"] ? "matched" : "withdrawn"))
        }
    }
}
