import Database
import Store
import Testing

@Suite("Placement lifecycle")
struct PlacementLifecycleTests {
    static func publishedRun(_ w: FamiliesWorld, _ assignments: [(Int64, Int64?)]) async throws -> Int64 {
        let run = try await w.pool.query("""
            INSERT INTO match_runs (round_id, kind, state, seed, algorithm_version, verified, finished_at, published_at)
            VALUES ($1, 'final', 'published', 1, 't', true, now(), now()) RETURNING id
            """, [w.round])[0].decode("id", as: Int64.self)
        for (student, slot) in assignments {
            try await w.pool.execute("""
                INSERT INTO match_assignments (run_id, student_id, slot_id, choice_rank, status)
                VALUES ($1, $2, $3, CASE WHEN $3::bigint IS NULL THEN NULL ELSE 1 END, CASE WHEN $3::bigint IS NULL THEN NULL ELSE 'matched' END)
                """, [run, student, slot])
        }
        return run
    }

    @Test func acceptedStartedHoursCompletedAndEachStepAudited() async throws {
        try await FamiliesWorld.with { w in
            let ana = try await w.student("Ana"), ben = try await w.student("Ben")
            let run = try await Self.publishedRun(w, [(ana, w.slots[0]), (ben, nil)])
            let lifecycle = PlacementLifecycle(pool: w.pool)
            #expect(try await lifecycle.createPlacements(fromPublishedRun: run) == 1, "unmatched students get no placement")
            #expect(try await lifecycle.createPlacements(fromPublishedRun: run) == 0, "idempotent")
            let id = try await w.pool.query("SELECT id FROM placements")[0].decode("id", as: Int64.self)
            let day = { (d: Int) in CalendarDate(year: 2027, month: 2, day: d) }
            await #expect(throws: PlacementTransitionError.notAllowed(action: "started", status: "matched")) {
                try await lifecycle.start(id, on: day(1), by: w.coordinator)
            }
            await #expect(throws: PlacementTransitionError.notAllowed(action: "given hours", status: "matched")) {
                try await lifecycle.logHours(id, workedOn: day(1), minutes: 60, by: w.coordinator)
            }
            let before = try await w.count("SELECT count(*)::int FROM audit_log WHERE entity LIKE 'placement%'")
            try await lifecycle.accept(id, on: day(1), by: w.coordinator)
            try await lifecycle.start(id, on: day(2), by: w.coordinator)
            #expect(try await lifecycle.logHours(id, workedOn: day(2), minutes: 150, by: w.coordinator) == 150)
            #expect(try await lifecycle.logHours(id, workedOn: day(3), minutes: 90, by: w.coordinator) == 240)
            await #expect(throws: PlacementTransitionError.badMinutes(0)) { try await lifecycle.logHours(id, workedOn: day(3), minutes: 0, by: w.coordinator) }
            try await lifecycle.complete(id, on: day(20), by: w.coordinator)
            #expect(try await lifecycle.status(id) == "completed")
            #expect(try await w.count("SELECT count(*)::int FROM audit_log WHERE entity LIKE 'placement%'") == before + 5, "one entry per step")
            await #expect(throws: PlacementTransitionError.notAllowed(action: "withdrawn", status: "completed")) {
                try await lifecycle.withdraw(id, on: day(21), reason: "late", by: w.coordinator)
            }
        }
    }

    @Test func aWithdrawalNeedsAReason() async throws {
        try await FamiliesWorld.with { w in
            let ana = try await w.student("Ana")
            let run = try await Self.publishedRun(w, [(ana, w.slots[0])])
            let lifecycle = PlacementLifecycle(pool: w.pool)
            try await lifecycle.createPlacements(fromPublishedRun: run)
            let id = try await w.pool.query("SELECT id FROM placements")[0].decode("id", as: Int64.self)
            await #expect(throws: PlacementTransitionError.reasonMissing) {
                try await lifecycle.withdraw(id, on: CalendarDate(year: 2027, month: 2, day: 1), reason: "  ", by: w.coordinator)
            }
            try await lifecycle.withdraw(id, on: CalendarDate(year: 2027, month: 2, day: 1), reason: "family moved", by: w.coordinator)
            #expect(try await w.pool.query("SELECT withdrawn_reason FROM placements")[0].decode("withdrawn_reason", as: String.self) == "family moved")
            await #expect(throws: PlacementTransitionError.notFound(999)) {
                try await lifecycle.accept(999, on: CalendarDate(year: 2027, month: 2, day: 1), by: w.coordinator)
            }
        }
    }
}
