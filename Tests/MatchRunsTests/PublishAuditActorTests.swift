import Database
import Foundation
import Store
import Testing
import TestSupport
@testable import MatchRuns

/// The audit entries a run writes name the coordinator who asked for it (`MatchRunArgs.requestedBy`),
/// as the web app and the CLI name their users; a run nobody asked for is `system`.
@Suite struct PublishAuditActorTests {
    static func actors(_ db: TestDatabase, entity: String) async throws -> [String] {
        try await db.pool.query("""
            SELECT DISTINCT actor || '/' || coalesce(actor_user_id::text, '-') AS who FROM audit_log WHERE entity = $1 ORDER BY 1
            """, [entity]).map { try $0.decode("who") }
    }

    @Test func aPublishedRunsPlacementsAreAuditedAsTheRequestingCoordinator() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            let pipeline = try await GuardianNoticesOnPublishTests.pipeline(db)
            let summary = try await pipeline.run(MatchRunArgs(kind: .final, seed: 42, requestedBy: seed.coordinator))
            #expect(summary.state == "published")
            let placements: Int = try await db.pool.query("SELECT count(*)::int AS n FROM placements")[0].decode("n")
            #expect(placements > 0)
            let who = "casey@example.org/\(seed.coordinator)"
            #expect(try await Self.actors(db, entity: "placements") == [who])
            #expect(try await Self.actors(db, entity: "match_runs") == [who])
            let entries: Int = try await db.pool.query(
                "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'placements' AND action = 'insert' AND actor = 'casey@example.org'")[0].decode("n")
            #expect(entries == placements, "one entry per placement created")
        }
    }

    @Test func aRunNobodyAskedForIsAuditedAsSystem() async throws {
        try await TestDatabase.with { db in
            _ = try await Seed.write(db.pool)
            let pipeline = try await GuardianNoticesOnPublishTests.pipeline(db)
            #expect(try await pipeline.run(MatchRunArgs(kind: .final, seed: 42)).state == "published")
            #expect(try await Self.actors(db, entity: "placements") == ["system/-"])
        }
    }

    /// The real pipeline holds the referred student's placement for the case worker; their
    /// approval (PlacementApprovalBook, as the web page does it) makes it `matched` and queues that
    /// family's notice alone; a second approval finds nothing.
    @Test func aCaseWorkersApprovalQueuesOnlyThatStudentsNotice() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            try await GuardianNoticesOnPublishTests.guardians(db, seed)
            try await db.pool.execute("UPDATE referral_restrictions SET caseworker_approval_required = true")
            let pipeline = try await GuardianNoticesOnPublishTests.pipeline(db)
            let runID = try #require(try await pipeline.run(MatchRunArgs(kind: .final, seed: 42)).runID)
            let cruz = seed.students["Cruz"]!
            let pending = try await PlacementApprovalBook(pool: db.pool).pending(caseWorkerID: seed.caseWorker)
            #expect(pending.map(\.studentID) == [cruz])
            #expect(try await PlacementApprovalBook(pool: db.pool).pending(caseWorkerID: seed.counselor).isEmpty)
            // Another guardian's email added since publication stays owed: the approval tells Cruz's family only.
            try await db.pool.execute("UPDATE students SET guardian_email = 'dee-family@example.com' WHERE id = $1", [seed.students["Dee"]!])
            let queue = GuardianNoticeQueue(renderer: pipeline.renderer, mailer: pipeline.mailer)
            let day = CalendarDate(year: 2027, month: 1, day: 20)
            func approve() async throws -> Int? {
                try await db.pool.withTransaction { conn in
                    try await AuditActor(userID: seed.caseWorker, name: "dana@jjs.example").stamp(on: conn)
                    guard let line = try await PlacementApprovalBook.approve(placementID: pending[0].placementID, caseWorkerID: seed.caseWorker,
                                                                             on: day, conn: conn) else { return nil }
                    return try await queue.queue(runID: runID, studentID: line.studentID, on: conn)
                }
            }
            #expect(try await approve() == 1)
            #expect(try await approve() == nil)
            let status: String = try await db.pool.query("SELECT status FROM placements WHERE id = $1", [pending[0].placementID])[0].decode("status")
            #expect(status == "matched")
            let told: [Int64] = try await db.pool.query("SELECT student_id FROM guardian_notices WHERE run_id = $1 AND student_id IN ($2, $3)",
                                                        [runID, cruz, seed.students["Dee"]!]).map { try $0.decode("student_id") }
            #expect(told == [cruz])
            #expect(try await Self.actors(db, entity: "placement_approvals") == ["dana@jjs.example/\(seed.caseWorker)"])
        }
    }
}
