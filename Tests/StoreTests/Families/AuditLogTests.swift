import Database
import Store
import Testing

@Suite("Audit log")
struct AuditLogTests {
    static func entries(_ w: FamiliesWorld) async throws -> Int {
        try await w.count("SELECT count(*)::int FROM audit_log")
    }

    /// Runs `change` as `actor` and returns the audit entries it added.
    static func audited(_ w: FamiliesWorld, as actor: AuditActor, _ change: @escaping (Connection) async throws -> Void) async throws -> [AuditEntry] {
        let before = try await w.pool.query("SELECT coalesce(max(id), 0) AS m FROM audit_log")[0].decode("m", as: Int64.self)
        try await w.pool.withTransaction { conn in
            try await actor.stamp(on: conn)
            try await change(conn)
        }
        return try await AuditLog(pool: w.pool).search(AuditFilter(limit: 1000), includeJuvenile: true).filter { $0.id > before }
    }

    @Test func everyAuditedActionLeavesExactlyOneEntryWithWhoAndBeforeAfter() async throws {
        try await FamiliesWorld.with { w in
            let student = try await w.student("Ana")
            let who = w.coordinator
            // (action, SQL, binds, expected entity, expected action)
            let actions: [(String, [any SQLEncodable], String, String)] = [
                ("INSERT INTO choices (round_id, student_id, rank, slot_id) VALUES ($1, $2, 1, $3)", [w.round, student, w.slots[0]], "choices", "insert"),
                ("UPDATE choices SET slot_id = $3 WHERE round_id = $1 AND student_id = $2", [w.round, student, w.slots[1]], "choices", "update"),
                ("DELETE FROM choices WHERE round_id = $1 AND student_id = $2", [w.round, student], "choices", "delete"),
                ("INSERT INTO rankings (round_id, slot_id, student_id, tier) VALUES ($1, $2, $3, 1)", [w.round, w.slots[0], student], "rankings", "insert"),
                ("UPDATE rankings SET tier = 2 WHERE student_id = $1", [student], "rankings", "update"),
                ("UPDATE slots SET capacity = 5 WHERE id = $1", [w.slots[0]], "slots", "update"),
                ("INSERT INTO referrals (student_id, juvenile_services_id, referred_by, referred_on) VALUES ($1, $2, $3, '2026-10-01')",
                 [student, w.juvenile, w.caseWorkerID], "referrals", "insert"),
                ("UPDATE students SET guardian_consent_on = '2026-11-01' WHERE id = $1", [student], "guardian_consent", "update"),
                ("INSERT INTO policies (version, policy) VALUES (1, '{}')", [], "policies", "insert"),
                ("INSERT INTO match_runs (round_id, kind, seed, algorithm_version) VALUES ($1, 'preview', 7, 'test')", [w.round], "match_runs", "insert"),
            ]
            for (sql, binds, entity, action) in actions {
                let added = try await Self.audited(w, as: who) { conn in try await conn.execute(sql, binds) }
                #expect(added.count == 1, "\(sql) left \(added.count) entries")
                guard let entry = added.first else { continue }
                #expect(entry.entity == entity && entry.action == action, "\(sql): \(entry.entity) \(entry.action)")
                #expect(entry.actor == who.name && entry.actorUserID == who.userID)
                #expect(entry.detail.contains("\"before\"") && entry.detail.contains("\"after\""))
            }
            let slotChange = try await AuditLog(pool: w.pool).search(AuditFilter(entity: "slots", entityID: String(w.slots[0]), action: "update"), includeJuvenile: false)
            #expect(slotChange.count == 1)
            #expect(slotChange[0].detail.contains("\"capacity\": 2") && slotChange[0].detail.contains("\"capacity\": 5"), "before 2, after 5")
        }
    }

    /// Statements on choices outside the app's writers (a hand-made fix, a cascade) are audited by
    /// list too: one entry per student's list the statement changed, with the whole list before and after.
    @Test func aStatementOnChoicesLeavesOneEntryPerListItChanged() async throws {
        try await FamiliesWorld.with { w in
            let (ana, ben) = (try await w.student("Ana"), try await w.student("Ben"))
            let (a, b) = (w.slots[0], w.slots[1])
            let inserted = try await Self.audited(w, as: w.coordinator) { conn in
                try await conn.execute("""
                    INSERT INTO choices (round_id, student_id, rank, slot_id) VALUES ($1, $2, 1, $3), ($1, $2, 2, $4), ($1, $5, 1, $4), ($1, $5, 2, $3)
                    """, [w.round, ana, a, b, ben])
            }
            #expect(inserted.map(\.action) == ["insert", "insert"])
            let removed = try await Self.audited(w, as: w.coordinator) { conn in
                try await conn.execute("DELETE FROM choices WHERE round_id = $1 AND slot_id = $2", [w.round, a])
            }
            let byList = Dictionary(uniqueKeysWithValues: removed.map { ($0.entityID, $0) })
            #expect(removed.count == 2 && removed.allSatisfy { $0.action == "update" })
            #expect(byList["\(w.round)/\(ana)"]?.detail == #"{"after": [\#(b)], "before": [\#(a), \#(b)]}"#)
            #expect(byList["\(w.round)/\(ben)"]?.detail == #"{"after": [\#(b)], "before": [\#(b), \#(a)]}"#)
            let emptied = try await Self.audited(w, as: w.coordinator) { conn in
                try await conn.execute("DELETE FROM choices WHERE round_id = $1 AND student_id = $2", [w.round, ana])
            }
            #expect(emptied.map(\.action) == ["delete"] && emptied.first?.detail == #"{"after": null, "before": [\#(b)]}"#)
        }
    }

    @Test func aStatementThatChangesNothingLeavesNoEntryAndUnstampedChangesAreSystem() async throws {
        try await FamiliesWorld.with { w in
            let before = try await Self.entries(w)
            try await w.pool.execute("UPDATE slots SET updated_at = now() WHERE id = $1", [w.slots[0]])
            try await w.pool.execute("UPDATE slots SET capacity = capacity WHERE id = $1", [w.slots[0]])
            #expect(try await Self.entries(w) == before)
            try await w.pool.execute("UPDATE slots SET title = 'Milker' WHERE id = $1", [w.slots[0]])
            let last = try await AuditLog(pool: w.pool).search(AuditFilter(limit: 1), includeJuvenile: false)
            #expect(last.first?.actor == "system" && last.first?.actorUserID == nil)
        }
    }

    @Test func stampingOutsideATransactionIsRefused() async throws {
        try await FamiliesWorld.with { w in
            await #expect(throws: DatabaseError.self) {
                try await w.pool.withConnection { conn in try await w.coordinator.stamp(on: conn) }
            }
        }
    }

    @Test func juvenileEntriesAreHiddenFromSearchesNotEntitledAndViewsAreRecorded() async throws {
        try await FamiliesWorld.with { w in
            let student = try await w.student("Ben")
            try await w.pool.execute("INSERT INTO referrals (student_id, juvenile_services_id, referred_by, referred_on) VALUES ($1, $2, $3, '2026-10-01')",
                                     [student, w.juvenile, w.caseWorkerID])
            let log = AuditLog(pool: w.pool)
            try await log.recordView(by: w.coordinator, entity: "referrals", entityID: "1", detail: #"{"page": "run_student"}"#)
            let entitled = try await log.search(AuditFilter(entity: "referrals"), includeJuvenile: true)
            #expect(entitled.map(\.action).sorted() == ["insert", "view"])
            #expect(try await log.search(AuditFilter(entity: "referrals"), includeJuvenile: false).isEmpty)
            #expect(try await log.search(AuditFilter(text: "referred_by"), includeJuvenile: false).isEmpty)
        }
    }

    @Test func searchFiltersByActorTextAndPages() async throws {
        try await FamiliesWorld.with { w in
            let counselor = AuditActor(userID: nil, name: "counselor@clovis.example")
            for (i, actor) in [w.coordinator, counselor, w.coordinator].enumerated() {
                _ = try await Self.audited(w, as: actor) { conn in
                    try await conn.execute("UPDATE slots SET capacity = $2 WHERE id = $1", [w.slots[0], 3 + i])
                }
            }
            let log = AuditLog(pool: w.pool)
            #expect(try await log.search(AuditFilter(actor: "CLOVIS"), includeJuvenile: false).count == 1)
            #expect(try await log.search(AuditFilter(actor: "coord", entity: "slots"), includeJuvenile: false).count == 2)
            #expect(try await log.search(AuditFilter(actor: "%"), includeJuvenile: false).isEmpty, "% is literal")
            let first = try await log.search(AuditFilter(entity: "slots", action: "update", limit: 2), includeJuvenile: false)
            let rest = try await log.search(AuditFilter(entity: "slots", action: "update", beforeID: first.last!.id), includeJuvenile: false)
            #expect(first.count == 2 && rest.count == 1 && rest[0].id < first[1].id)
        }
    }

    @Test func theWebsChoiceBookLeavesOneEntryPerChangeOfTheList() async throws {
        try await FamiliesWorld.with { w in
            let student = try await w.student("Cruz")
            let book = ChoiceBook(pool: w.pool)
            let round = try #require(try await book.openRound())
            let before = try await Self.entries(w)
            try await AuditActor.$current.withValue(w.coordinator) {
                _ = try await book.update(studentID: student, round: round) { _ in [w.slots[0]] }
                _ = try await book.update(studentID: student, round: round) { $0 + [w.slots[1]] }
            }
            let added = try await AuditLog(pool: w.pool).search(AuditFilter(entity: "choices"), includeJuvenile: false)
            #expect(try await Self.entries(w) == before + 2, "two additions, two entries")
            #expect(added.allSatisfy { $0.actor == w.coordinator.name && $0.entityID == "\(w.round)/\(student)" })
            #expect(added.map(\.action) == ["update", "insert"], "newest first: the list was created, then grew")
        }
    }

    @Test func aViewOfConfidentialExplanationsIsRecordedOnlyWhenThereAreAny() async throws {
        try await FamiliesWorld.with { w in
            let (ana, ben) = (try await w.student("Ana"), try await w.student("Ben"))
            let run = try await w.pool.query("INSERT INTO match_runs (round_id, kind, seed, algorithm_version) VALUES ($1, 'preview', 1, 't') RETURNING id", [w.round])[0].decode("id", as: Int64.self)
            // An explanation belongs to the student's assignment row of the run (both unmatched here).
            try await w.pool.execute("INSERT INTO match_assignments (run_id, student_id) VALUES ($1, $2), ($1, $3)", [run, ana, ben])
            try await w.pool.execute("""
                INSERT INTO match_explanations (run_id, student_id, slot_id, choice_rank, outcome, confidential) VALUES
                ($1, $2, $4, 1, 'ineligible', true), ($1, $3, $4, 1, 'outranked', false)
                """, [run, ana, ben, w.slots[0]])
            let log = AuditLog(pool: w.pool)
            #expect(try await log.recordExplanationView(by: w.coordinator, runID: run, studentID: ana))
            #expect(try await !log.recordExplanationView(by: w.coordinator, runID: run, studentID: ben))
            let views = try await log.search(AuditFilter(action: "view"), includeJuvenile: true)
            #expect(views.count == 1 && views[0].entityID == "student/\(ana)" && views[0].actor == w.coordinator.name)
        }
    }
}
