import Database
import Store
import Testing

@Suite("Outcomes report")
struct OutcomesTests {
    @Test func ratesReasonsSeatsAndChangeOnAKnownRun() async throws {
        try await FamiliesWorld.with { w in
            let ana = try await w.student("Ana")
            let ben = try await w.student("Ben", program: "information_technology")
            let cy = try await w.student("Cy", school: w.schoolB)
            let dee = try await w.student("Dee", school: w.schoolB)
            try await w.pool.execute("UPDATE organizations SET county = CASE WHEN id = $1 THEN 'Curry' ELSE 'Roosevelt' END WHERE kind = 'school'", [w.schoolA])
            try await w.pool.execute("UPDATE slots SET reserved_seats = 1 WHERE id = $1", [w.slots[0]])
            try await w.choose(ana, [w.slots[0]])
            try await w.choose(ben, [w.slots[0], w.slots[1]])
            try await w.choose(cy, [w.slots[1]])
            try await w.pool.execute("INSERT INTO referrals (student_id, juvenile_services_id, referred_by, referred_on) VALUES ($1, $2, $3, '2026-10-01')",
                                     [ben, w.juvenile, w.caseWorkerID])
            func run(_ previous: Int64?) async throws -> Int64 {
                try await w.pool.query("INSERT INTO match_runs (round_id, kind, state, seed, algorithm_version, verified, previous_run_id) VALUES ($1, 'manual', 'succeeded', 1, 't', true, $2) RETURNING id",
                                       [w.round, previous])[0].decode("id")
            }
            let first = try await run(nil)
            try await w.pool.execute("""
                INSERT INTO match_assignments (run_id, student_id, slot_id, choice_rank, status) VALUES ($1, $2, $3, 1, 'matched')
                """, [first, ana, w.slots[0]])
            for s in [ben, cy, dee] {
                try await w.pool.execute("INSERT INTO match_assignments (run_id, student_id) VALUES ($1, $2)", [first, s])
            }
            let second = try await run(first)
            try await w.pool.execute("""
                INSERT INTO match_assignments (run_id, student_id, slot_id, choice_rank, status, reserved_seat) VALUES
                ($1, $2, $5, 1, 'matched', false), ($1, $3, $5, 1, 'matched', true), ($1, $4, NULL, NULL, NULL, false), ($1, $6, NULL, NULL, NULL, false)
                """, [second, ana, ben, cy, w.slots[0], dee])
            try await w.pool.execute("""
                INSERT INTO match_explanations (run_id, student_id, slot_id, choice_rank, outcome, reason_codes, confidential) VALUES
                ($1, $2, $3, 1, 'ineligible', '{curfew}', true)
                """, [second, cy, w.slots[1]])
            let store = OutcomesStore(pool: w.pool)
            #expect(try await store.latestRunID() == second)
            let plain = try #require(try await store.report(runID: second, includeJuvenile: false, viewer: w.coordinator))
            #expect(plain.students == 4 && plain.matched == 2)
            #expect(plain.lines("school").map { "\($0.label) \($0.matched)/\($0.total)" } == ["Clovis High School 2/2", "Portales High School 0/2"])
            #expect(plain.lines("county").map { "\($0.label) \($0.percent)" } == ["Curry 100.0%", "Roosevelt 0.0%"])
            #expect(plain.lines("program_of_study").map(\.label) == ["agriculture", "information_technology"])
            #expect(plain.lines("edc").first.map { ($0.matched, $0.total) }! == (2, 4))
            #expect(plain.lines("referred").isEmpty)
            #expect(plain.unmatchedReasons.map(\.reason) == ["no_choices", "not_available"], "the curfew stays confidential")
            #expect(plain.reservedSeats == 1 && plain.reservedSeatsUsed == 1)
            #expect(plain.previousRunID == first && plain.previousMatched == 1)
            #expect(plain.unfilled.map(\.title) == ["Cheese plant helper"])
            let entitled = try #require(try await store.report(runID: second, includeJuvenile: true, viewer: w.coordinator))
            #expect(entitled.lines("referred").map { ($0.matched, $0.total) }.first! == (1, 1))
            #expect(entitled.unmatchedReasons.map(\.reason).contains("curfew"))
            #expect(try await store.report(runID: 9999, includeJuvenile: false, viewer: w.coordinator) == nil)
        }
    }
}
