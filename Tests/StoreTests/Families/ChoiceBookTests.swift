import Foundation
import MatchingEngine
import Database
import Store
import Testing

/// ``ChoiceBook/update(studentID:round:current:_:)`` saves through one statement
/// (`choices_replace`, sql/0041): these check the parts of it the web and API suites do not reach.
@Suite("Choice book: one-statement saves")
struct ChoiceBookTests {
    static func listed(_ w: FamiliesWorld, _ student: Int64) async throws -> [Int64] {
        try await w.pool.query("SELECT slot_id FROM choices WHERE round_id = $1 AND student_id = $2 ORDER BY rank", [w.round, student])
            .map { try $0.decode("slot_id", as: Int64.self) }
    }

    /// A third (and further) slot beside the world's two.
    static func addSlot(_ w: FamiliesWorld, _ code: String) async throws -> Int64 {
        try await w.pool.query("""
            INSERT INTO slots (edc_id, external_id, employer_id, site_id, title, kind, program_of_study, capacity, start_date, end_date, schedule)
            SELECT $1, $2, $3, (SELECT id FROM sites WHERE employer_id = $3 LIMIT 1), 'Slot ' || $2, 'internship', 'agriculture', 2,
                   '2027-01-15', '2027-05-20', 'Mon-Fri 15:30-18:00'
            RETURNING id
            """, [w.edc, code, w.employer])[0].decode("id")
    }

    @Test func twoTasksSavingAtOnceForOneStudentEndInOneConsistentList() async throws {
        try await FamiliesWorld.with { w in
            let book = ChoiceBook(pool: w.pool)
            let round = try #require(try await book.openRound())
            let third = try await Self.addSlot(w, "S3")
            for attempt in 0..<10 {
                let student = try await w.student("Ana\(attempt)")
                try await w.choose(student, [third])
                // Both tasks computed their change from the same read: one of them must be re-applied.
                let read = try await Self.listed(w, student)
                async let a = book.update(studentID: student, round: round, current: read) { $0 + [w.slots[0]] }
                async let b = book.update(studentID: student, round: round, current: read) { $0 + [w.slots[1]] }
                let (savedA, savedB) = try await (a, b)
                let final = try await Self.listed(w, student)
                #expect(final.count == 3 && Set(final) == [third, w.slots[0], w.slots[1]], "attempt \(attempt): \(final)")
                #expect(final.first == third, "the untouched first rank stays")
                #expect([savedA, savedB].contains(final), "the later save is the list now")
                let ranks = try await w.pool.query("SELECT rank FROM choices WHERE round_id = $1 AND student_id = $2 ORDER BY rank", [w.round, student])
                    .map { try $0.decode("rank", as: Int.self) }
                #expect(ranks == [1, 2, 3], "no gap, no duplicate rank")
            }
        }
    }

    @Test func aChangeComputedFromAStaleListIsReappliedToTheListAsItIsNow() async throws {
        try await FamiliesWorld.with { w in
            let book = ChoiceBook(pool: w.pool)
            let round = try #require(try await book.openRound())
            let student = try await w.student("Ben")
            try await w.choose(student, [w.slots[0]])
            var seen: [[Int64]] = []
            let saved = try await book.update(studentID: student, round: round, current: []) { list in
                seen.append(list)
                return list + [w.slots[1]]
            }
            #expect(seen == [[], [w.slots[0]]], "applied to the stale list, then to the list the database reported")
            #expect(saved == [w.slots[0], w.slots[1]])
            #expect(try await Self.listed(w, student) == [w.slots[0], w.slots[1]])
        }
    }

    @Test func aReorderLogsExactlyTheChangedRanksAsTheActingUser() async throws {
        try await FamiliesWorld.with { w in
            let book = ChoiceBook(pool: w.pool)
            let round = try #require(try await book.openRound())
            let third = try await Self.addSlot(w, "S3")
            let student = try await w.student("Cruz")
            let (a, b, c) = (w.slots[0], w.slots[1], third)
            try await w.choose(student, [a, b, c])
            let before = try await w.pool.query("SELECT coalesce(max(id), 0) AS m FROM audit_log")[0].decode("m", as: Int64.self)
            try await AuditActor.$current.withValue(w.coordinator) {
                _ = try await book.update(studentID: student, round: round, current: [a, b, c]) { _ in [c, b, a] }
            }
            let logged = try await AuditLog(pool: w.pool).search(AuditFilter(entity: "choices", limit: 100), includeJuvenile: false)
                .filter { $0.id > before }
            let key = { (rank: Int) in "\(w.round)/\(student)/\(rank)" }
            // Ranks 1 and 3 changed slot in place: one update each, with the slot before and after.
            #expect(logged.map(\.action) == ["update", "update"], "rank 2 kept its slot: not logged")
            #expect(logged.map(\.entityID).sorted() == [key(1), key(3)])
            let first = try #require(logged.first { $0.entityID == key(1) })
            let detail = try #require(try JSONSerialization.jsonObject(with: Data(first.detail.utf8)) as? [String: [String: Any]])
            #expect((detail["before"]?["slot_id"] as? NSNumber)?.int64Value == a)
            #expect((detail["after"]?["slot_id"] as? NSNumber)?.int64Value == c)
            #expect(logged.allSatisfy { $0.actor == w.coordinator.name && $0.actorUserID == w.coordinator.userID })
            #expect(try await Self.listed(w, student) == [c, b, a])

            // Saving the same order again changes nothing and logs nothing.
            _ = try await book.update(studentID: student, round: round, current: [c, b, a]) { $0 }
            #expect(try await w.count("SELECT count(*)::int FROM audit_log WHERE id > $1", [before]) == 2)
        }
    }

    /// Random lists one after another (grown, shrunk, reordered, swapped, emptied): each save leaves
    /// exactly the list asked for at ranks 1…n, and every audit entry of a save names a rank that changed.
    @Test func anyListIsSavedExactlyWhateverItReplaces() async throws {
        try await FamiliesWorld.with { w in
            let book = ChoiceBook(pool: w.pool)
            let round = try #require(try await book.openRound())
            var slots = w.slots
            for code in ["S3", "S4", "S5"] { slots.append(try await Self.addSlot(w, code)) }
            let student = try await w.student("Rosa")
            var generator = SplitMix64(seed: 51)   // fixed: a failure replays
            var current: [Int64] = []
            for step in 0..<60 {
                let next = Array(slots.shuffled(using: &generator).prefix(Int.random(in: 0...5, using: &generator)))
                let before = try await w.pool.query("SELECT coalesce(max(id), 0) AS m FROM audit_log")[0].decode("m", as: Int64.self)
                let saved = try await book.update(studentID: student, round: round, current: current) { _ in next }
                #expect(saved == next)
                #expect(try await Self.listed(w, student) == next, "step \(step)")
                let ranks = try await w.pool.query("SELECT rank FROM choices WHERE round_id = $1 AND student_id = $2 ORDER BY rank", [w.round, student])
                    .map { try $0.decode("rank", as: Int.self) }
                #expect(ranks == Array(stride(from: 1, through: next.count, by: 1)), "step \(step)")
                let changedRanks = Set((0..<max(current.count, next.count)).filter { i in
                    (i < current.count ? current[i] : nil) != (i < next.count ? next[i] : nil)
                }.map { "\(w.round)/\(student)/\($0 + 1)" })
                let logged = try await w.pool.query("SELECT entity_id FROM audit_log WHERE id > $1 AND entity = 'choices'", [before])
                    .map { try $0.decode("entity_id", as: String.self) }
                #expect(Set(logged) == changedRanks, "step \(step): \(current) → \(next)")
                current = next
            }
        }
    }

    /// Lists written with gaps in their ranks (a script's rows) come out numbered 1…n after a change.
    @Test func aListWithGapsInItsRanksIsRenumberedWhenChanged() async throws {
        try await FamiliesWorld.with { w in
            let book = ChoiceBook(pool: w.pool)
            let round = try #require(try await book.openRound())
            let third = try await Self.addSlot(w, "S3")
            let student = try await w.student("Gap")
            for (rank, slot) in [(1, w.slots[0]), (2, w.slots[1]), (5, third)] {
                try await w.pool.execute("INSERT INTO choices (round_id, student_id, rank, slot_id) VALUES ($1, $2, $3, $4)", [w.round, student, rank, slot])
            }
            let current = [w.slots[0], w.slots[1], third]
            _ = try await book.update(studentID: student, round: round, current: current) { _ in [w.slots[0], third, w.slots[1]] }
            let rows = try await w.pool.query("SELECT rank, slot_id FROM choices WHERE round_id = $1 AND student_id = $2 ORDER BY rank", [w.round, student])
                .map { (try $0.decode("rank", as: Int.self), try $0.decode("slot_id", as: Int64.self)) }
            #expect(rows.map(\.0) == [1, 2, 3])
            #expect(rows.map(\.1) == [w.slots[0], third, w.slots[1]])
        }
    }

    @Test func theRulesStillHoldInsideTheOneStatement() async throws {
        try await FamiliesWorld.with { w in
            let book = ChoiceBook(pool: w.pool)
            let round = try #require(try await book.openRound())
            let student = try await w.student("Dee")
            try await w.choose(student, [w.slots[0]])
            // A slot withdrawn after the page was read is refused under the lock; nothing changes.
            try await w.pool.execute("UPDATE slots SET active = false WHERE id = $1", [w.slots[1]])
            await #expect(throws: ChoiceChangeError.slotNotOpen) {
                try await book.update(studentID: student, round: round, current: [w.slots[0]]) { $0 + [w.slots[1]] }
            }
            // Keeping an already listed slot that was withdrawn later is allowed (only added slots are checked).
            try await w.pool.execute("UPDATE slots SET active = false WHERE id = $1", [w.slots[0]])
            try await w.pool.execute("UPDATE slots SET active = true WHERE id = $1", [w.slots[1]])
            #expect(try await book.update(studentID: student, round: round) { [w.slots[1]] + $0 } == [w.slots[1], w.slots[0]])
            await #expect(throws: ChoiceChangeError.alreadyListed) {
                try await book.update(studentID: student, round: round) { $0 + [$0[0]] }
            }
            // A final round is frozen by its triggers (sql/0027): the statement fails, the list stays.
            try await w.pool.execute("UPDATE rounds SET state = 'final' WHERE id = $1", [w.round])
            let error = await #expect(throws: DatabaseError.self) {
                try await book.update(studentID: student, round: round) { $0.reversed() }
            }
            #expect(error?.isCheckViolation == true)
            #expect(error?.message.contains("is final") == true, "\(String(describing: error?.message))")
            #expect(try await Self.listed(w, student) == [w.slots[1], w.slots[0]])
        }
    }
}
