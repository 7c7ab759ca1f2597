import Database
import Store
import Testing

@Suite("Perkins V 5S3")
struct PerkinsTests {
    /// The fixture (graduation window 2026-07-01…2027-06-30):
    ///   School A: a1 (agriculture; english_learner, economically_disadvantaged) completed a placement
    ///             a2 (agriculture; economically_disadvantaged) started but did not complete
    ///             a3 (IT; disability) completed; referred by juvenile services
    ///             a4 (IT) withdrawn
    ///   School B: b1 (agriculture; english_learner) completed
    ///             b2 (no program) nothing
    ///   School A: late (agriculture) graduated in January, completed her placement in April: in the
    ///             cohort, not participating (the placement must be completed by graduation)
    /// Not in the cohort: n1 not a concentrator (completed), n2 graduated before the window (completed).
    @Test func knownAnswersOnAFixture() async throws {
        try await FamiliesWorld.with { w in
            let g = "2027-05-28"
            let a1 = try await w.student("a1", concentrator: true, graduated: g, populations: ["english_learner", "economically_disadvantaged"])
            let a2 = try await w.student("a2", concentrator: true, graduated: g, populations: ["economically_disadvantaged"])
            let a3 = try await w.student("a3", concentrator: true, graduated: g, program: "information_technology", populations: ["disability"])
            let a4 = try await w.student("a4", concentrator: true, graduated: g, program: "information_technology")
            let b1 = try await w.student("b1", school: w.schoolB, concentrator: true, graduated: g, populations: ["english_learner"])
            _ = try await w.student("b2", school: w.schoolB, concentrator: true, graduated: g, program: nil)
            let n1 = try await w.student("n1", concentrator: false, graduated: g)
            let n2 = try await w.student("n2", concentrator: true, graduated: "2026-05-29")
            let late = try await w.student("late", concentrator: true, graduated: "2027-01-10")
            try await w.pool.execute("INSERT INTO referrals (student_id, juvenile_services_id, referred_by, referred_on) VALUES ($1, $2, $3, '2026-10-01')",
                                     [a3, w.juvenile, w.caseWorkerID])
            let run = try await w.pool.query("INSERT INTO match_runs (round_id, kind, seed, algorithm_version) VALUES ($1, 'preview', 1, 't') RETURNING id", [w.round])[0].decode("id", as: Int64.self)
            func placement(_ student: Int64, _ status: String, completed: String? = "2027-04-30") async throws {
                try await w.pool.execute("""
                    INSERT INTO placements (run_id, student_id, slot_id, status, started_on, completed_on, withdrawn_on, withdrawn_reason)
                    VALUES ($1, $2, $3, $4, '2027-02-01', CASE WHEN $4 = 'completed' THEN $5::date END,
                            CASE WHEN $4 = 'withdrawn' THEN DATE '2027-03-01' END, CASE WHEN $4 = 'withdrawn' THEN 'moved away' END)
                    """, [run, student, w.slots[0], status, completed])
            }
            for s in [a1, a3, b1, n1, n2] { try await placement(s, "completed") }
            try await placement(a2, "started")
            try await placement(a4, "withdrawn")
            try await placement(late, "completed", completed: "2027-04-30")   // completed after her January graduation

            let store = PerkinsStore(pool: w.pool)
            let from = CalendarDate(year: 2026, month: 7, day: 1), to = CalendarDate(year: 2027, month: 6, day: 30)
            let report = try await store.report(from: from, to: to, scope: .everything, includeJustice: false, viewer: w.coordinator)
            func rate(_ group: String, _ key: String) -> (Int, Int)? { report.row(group, key).map { ($0.participated, $0.concentrators) } }
            #expect(rate("overall", "all")! == (3, 7))
            #expect(rate("special_population", "english_learner")! == (2, 2))
            #expect(rate("special_population", "economically_disadvantaged")! == (1, 2))
            #expect(rate("special_population", "disability")! == (1, 1))
            #expect(rate("special_population", "homeless")! == (0, 0))
            #expect(report.row("special_population", "homeless")?.percent == "n/a")
            #expect(report.rows.filter { $0.group == "special_population" }.count == 9, "every Perkins population has a row")
            #expect(rate("school", String(w.schoolA))! == (2, 5))
            #expect(rate("school", String(w.schoolB))! == (1, 2))
            #expect(rate("program_of_study", "agriculture")! == (2, 4))
            #expect(rate("program_of_study", "information_technology")! == (1, 2))
            #expect(rate("program_of_study", "none")! == (0, 1))
            #expect(rate("school_program", "\(w.schoolA)/information_technology")! == (1, 2))
            #expect(report.row("overall", "all")?.percent == "42.9%")
            #expect(report.row("justice_involved", "referred") == nil, "never without entitlement")
            #expect(!report.csv().contains("juvenile") && !report.csv().contains("justice"))
            #expect(try await w.count("SELECT count(*)::int FROM audit_log WHERE action = 'view'") == 0)

            let entitled = try await store.report(from: from, to: to, scope: .everything, includeJustice: true, viewer: w.coordinator)
            #expect(entitled.row("justice_involved", "referred").map { ($0.participated, $0.concentrators) }! == (1, 1))
            #expect(entitled.rows.filter { $0.group == "special_population" }.allSatisfy { $0.key != "justice_involved" })
            #expect(try await w.count("SELECT count(*)::int FROM audit_log WHERE action = 'view' AND entity = 'referrals'") == 1,
                    "showing juvenile data is itself audited")

            let schoolOnly = try await store.report(from: from, to: to, scope: .school(w.schoolB), includeJustice: false, viewer: w.coordinator)
            #expect(schoolOnly.row("overall", "all").map { ($0.participated, $0.concentrators) }! == (1, 2))
            let csv = report.csv().split(separator: "\n")
            #expect(csv[0] == "group,key,label,concentrators,participated,rate_percent")
            #expect(csv[1] == "overall,all,All CTE concentrators,7,3,42.9")
        }
    }

    @Test func pureAggregationOfAnEmptyCohort() {
        let report = PerkinsReport(cohort: [], includeJustice: false)
        #expect(report.rows.count == 10 && report.rows.allSatisfy { $0.concentrators == 0 && $0.rate == nil })
    }
}
