import Foundation
import MatchingEngine
import Database
import Store
import Testing

/// ``ChoiceBook/update(studentID:round:current:_:)`` and ``ChoiceBook/saveOrder(studentID:scope:slots:)``
/// save through one statement each (`choices_replace`, `choices_save_order`, sql/0052): these check
/// the parts of them the web and API suites do not reach.
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

    /// The entries about student `student`'s list after audit id `after`, oldest first.
    static func logged(_ w: FamiliesWorld, _ student: Int64, after: Int64) async throws -> [AuditEntry] {
        try await AuditLog(pool: w.pool).search(AuditFilter(entity: "choices", limit: 1000), includeJuvenile: false)
            .filter { $0.id > after }.reversed()
    }

    static func lastAuditID(_ w: FamiliesWorld) async throws -> Int64 {
        try await w.pool.query("SELECT coalesce(max(id), 0) AS m FROM audit_log")[0].decode("m", as: Int64.self)
    }

    /// An entry's list before and after (nil: no list), as slot ids in rank order.
    static func lists(_ entry: AuditEntry) throws -> (before: [Int64]?, after: [Int64]?) {
        let detail = try #require(try JSONSerialization.jsonObject(with: Data(entry.detail.utf8)) as? [String: Any])
        let list = { (key: String) -> [Int64]? in (detail[key] as? [NSNumber])?.map(\.int64Value) }
        return (list("before"), list("after"))
    }

    @Test func aReorderIsOneEntryWithTheListBeforeAndAfterAsTheActingUser() async throws {
        try await FamiliesWorld.with { w in
            let book = ChoiceBook(pool: w.pool)
            let round = try #require(try await book.openRound())
            let third = try await Self.addSlot(w, "S3")
            let student = try await w.student("Cruz")
            let (a, b, c) = (w.slots[0], w.slots[1], third)
            try await w.choose(student, [a, b, c])
            let before = try await Self.lastAuditID(w)
            try await AuditActor.$current.withValue(w.coordinator) {
                _ = try await book.update(studentID: student, round: round, current: [a, b, c]) { _ in [c, b, a] }
            }
            let logged = try await Self.logged(w, student, after: before)
            #expect(logged.map(\.action) == ["update"], "one action, one entry")
            #expect(logged.first?.entityID == "\(w.round)/\(student)")
            let (was, now) = try Self.lists(try #require(logged.first))
            #expect(was == [a, b, c] && now == [c, b, a])
            #expect(logged.allSatisfy { $0.actor == w.coordinator.name && $0.actorUserID == w.coordinator.userID })
            #expect(try await Self.listed(w, student) == [c, b, a])

            // Saving the same order again changes nothing and logs nothing.
            _ = try await book.update(studentID: student, round: round, current: [c, b, a]) { $0 }
            #expect(try await w.count("SELECT count(*)::int FROM audit_log WHERE id > $1", [before]) == 1)
        }
    }

    /// Random lists one after another (grown, shrunk, reordered, swapped, emptied): each save leaves
    /// exactly the list asked for at ranks 1…n, and exactly one audit entry with the lists before and
    /// after (none when the list did not change).
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
                let before = try await Self.lastAuditID(w)
                let saved = try await book.update(studentID: student, round: round, current: current) { _ in next }
                #expect(saved == next)
                #expect(try await Self.listed(w, student) == next, "step \(step)")
                let ranks = try await w.pool.query("SELECT rank FROM choices WHERE round_id = $1 AND student_id = $2 ORDER BY rank", [w.round, student])
                    .map { try $0.decode("rank", as: Int.self) }
                #expect(ranks == Array(stride(from: 1, through: next.count, by: 1)), "step \(step)")
                let logged = try await Self.logged(w, student, after: before)
                if next == current {
                    #expect(logged.isEmpty, "step \(step): nothing changed, nothing logged")
                } else {
                    #expect(logged.count == 1, "step \(step): \(current) → \(next)")
                    let (was, now) = try Self.lists(try #require(logged.first))
                    #expect(was == (current.isEmpty ? nil : current) && now == (next.isEmpty ? nil : next), "step \(step)")
                    let action = current.isEmpty ? "insert" : next.isEmpty ? "delete" : "update"
                    #expect(logged.first?.action == action, "step \(step)")
                }
                current = next
            }
        }
    }

    /// A reordered list saved in one round trip: scope, the open round and the same-slots rule are
    /// checked inside it, and a refused order changes nothing.
    @Test func anOrderIsSavedInOneStatementWithinScope() async throws {
        try await FamiliesWorld.with { w in
            let book = ChoiceBook(pool: w.pool)
            let third = try await Self.addSlot(w, "S3")
            let student = try await w.student("Eva")
            let (a, b, c) = (w.slots[0], w.slots[1], third)
            try await w.choose(student, [a, b, c])
            let school = try await w.pool.query("SELECT school_id FROM students WHERE id = $1", [student])[0].decode("school_id", as: Int64.self)
            let other = try await w.pool.query("""
                INSERT INTO organizations (code, kind, name) VALUES ('other-hs', 'school', 'Other High') RETURNING id
                """)[0].decode("id", as: Int64.self)
            let before = try await Self.lastAuditID(w)

            // Another school's counselor, a missing student, nobody's scope: not found, nothing written.
            #expect(try await book.saveOrder(studentID: student, scope: .school(other), slots: [c, b, a]) == .notFound)
            #expect(try await book.saveOrder(studentID: 999_999, scope: .everything, slots: [c, b, a]) == .notFound)
            #expect(try await book.saveOrder(studentID: student, scope: .edc(other), slots: [c, b, a]) == .notFound)
            // Not the slots listed now: a slot dropped, one added, one twice.
            for wrong in [[c, b], [c, b, a, a], [c, b, b]] {
                #expect(try await book.saveOrder(studentID: student, scope: .school(school), slots: wrong) == .notSameSlots, "\(wrong)")
            }
            #expect(try await Self.listed(w, student) == [a, b, c])
            #expect(try await w.count("SELECT count(*)::int FROM audit_log WHERE id > $1", [before]) == 0)

            let outcomes = try await AuditActor.$current.withValue(w.coordinator) {
                [try await book.saveOrder(studentID: student, scope: .school(school), slots: [c, a, b]),
                 try await book.saveOrder(studentID: student, scope: .everything, slots: [c, a, b])]   // the same order again
            }
            #expect(outcomes == [.saved, .saved])
            #expect(try await Self.listed(w, student) == [c, a, b])
            let logged = try await Self.logged(w, student, after: before)
            #expect(logged.count == 1, "the repeat wrote nothing")
            let (was, now) = try Self.lists(try #require(logged.first))
            #expect(was == [a, b, c] && now == [c, a, b] && logged.first?.actor == w.coordinator.name)

            try await w.pool.execute("UPDATE rounds SET state = 'final' WHERE id = $1", [w.round])
            #expect(try await book.saveOrder(studentID: student, scope: .everything, slots: [a, b, c]) == .noOpenRound)
            #expect(try await Self.listed(w, student) == [c, a, b])
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
            // A rank past the round's max_choices is refused inside the statement too, as the table's
            // trigger would (the pages check first; this is the database's own guard, sql/0052).
            try await w.pool.execute("UPDATE rounds SET max_choices = 1 WHERE id = $1", [w.round])
            let tooMany = await #expect(throws: DatabaseError.self) {
                try await w.pool.query("SELECT outcome FROM choices_replace($1, $2, $3::bigint[], $4::bigint[], 'test', NULL)",
                                       [w.round, student, [w.slots[1], w.slots[0]], [w.slots[0], w.slots[1]]])
            }
            #expect(tooMany?.isCheckViolation == true && tooMany?.message.contains("max_choices") == true)
            try await w.pool.execute("UPDATE rounds SET max_choices = 10 WHERE id = $1", [w.round])
            // A final round is frozen (sql/0027, and inside the statement sql/0052): it fails, the list stays.
            try await w.pool.execute("UPDATE rounds SET state = 'final' WHERE id = $1", [w.round])
            let error = await #expect(throws: DatabaseError.self) {
                try await book.update(studentID: student, round: round) { $0.reversed() }
            }
            #expect(error?.isCheckViolation == true)
            #expect(error?.message.contains("is final") == true, "\(String(describing: error?.message))")
            #expect(try await Self.listed(w, student) == [w.slots[1], w.slots[0]])
        }
    }

    /// A coordinator lowered the round's limit below a list's length: the choices within the limit
    /// still move among themselves; moving one past it is refused with a reason (not a server error).
    @Test func aChoicePastALoweredLimitCannotMove() async throws {
        try await FamiliesWorld.with { w in
            let book = ChoiceBook(pool: w.pool)
            let round = try #require(try await book.openRound())
            let third = try await Self.addSlot(w, "S3")
            let student = try await w.student("Lowered")
            let list = [w.slots[0], w.slots[1], third]
            try await w.choose(student, list)
            try await w.pool.execute("UPDATE rounds SET max_choices = 2 WHERE id = $1", [w.round])
            #expect(try await book.update(studentID: student, round: round) { [$0[1], $0[0], $0[2]] } == [w.slots[1], w.slots[0], third])
            await #expect(throws: ChoiceChangeError.pastLoweredLimit) {
                try await book.update(studentID: student, round: round) { $0.reversed() }
            }
            await #expect(throws: ChoiceChangeError.pastLoweredLimit) {
                try await book.saveOrder(studentID: student, scope: .everything, slots: list.reversed())
            }
            #expect(try await Self.listed(w, student) == [w.slots[1], w.slots[0], third])
        }
    }
}
