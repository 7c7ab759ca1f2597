import Database
import Intake
import Store
import Testing
import TestSupport

@Suite struct ImportTests {
    @Test func sampleLoadsAndReimportChangesNothing() async throws {
        try await IntakeFixture.with { f in
            #expect(try await f.count("SELECT count(*)::int FROM students") == 120)
            #expect(try await f.count("SELECT count(*)::int FROM choices") > 300)
            #expect(try await f.count("SELECT count(*)::int FROM referrals") >= 1)
            let before = try await f.snapshot()
            let locks = """
                SELECT string_agg(xmax::text, ',' ORDER BY id) FROM students UNION ALL SELECT string_agg(xmax::text, ',' ORDER BY id) FROM slots
                UNION ALL SELECT string_agg(xmax::text, ',' ORDER BY id) FROM employers
                """
            let lockedBefore = try await f.db.pool.query(locks).map { try $0.decode(0, as: String.self) }
            for kind in [IntakeKind.organizations, .users, .rounds, .employers, .slots, .students, .choices, .referrals, .rankings] {
                let counts = try await f.importCSV(kind, f.data.csv(kind))
                #expect(counts.created == 0 && counts.updated == 0, "\(kind): \(counts)")
                #expect(counts.unchanged > 0, "\(kind)")
            }
            // Only the audit log grew (one row per import).
            let after = try await f.snapshot()
            #expect(zip(before, after).filter { $0 != $1 }.map(\.0).allSatisfy { $0.hasPrefix("audit_log") })
            // Students, slots and employers not even locked: a locked row's xmax names the transaction that locked it.
            #expect(try await f.db.pool.query(locks).map { try $0.decode(0, as: String.self) } == lockedBefore)
        }
    }

    @Test func updatesAreCountedAndApplied() async throws {
        try await IntakeFixture.with { f in
            var lines = f.data.csv(.students).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // Rename the first student.
            var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let id = fields[1]
            fields[2] = "Renée"
            lines[1] = fields.joined(separator: ",")
            let counts = try await f.importCSV(.students, lines.joined(separator: "\n"))
            #expect(counts == ImportCounts(created: 0, updated: 1, unchanged: 119))
            let name = try await f.db.pool.query("SELECT first_name FROM students WHERE external_id = $1", [id]).first!.decode(0, as: String.self)
            #expect(name == "Renée")
        }
    }

    @Test func dryRunChangesNothing() async throws {
        try await IntakeFixture.with(loadAll: false) { f in
            _ = try await f.importCSV(.rounds, f.data.csv(.rounds))
            _ = try await f.importCSV(.employers, f.data.csv(.employers))
            let before = try await f.snapshot()
            let counts = try await f.importCSV(.slots, f.data.csv(.slots), options: ImportOptions(dryRun: true))
            #expect(counts.created > 0)
            #expect(try await f.snapshot() == before)
        }
    }

    /// A student's first list is one `insert` entry with nothing before; the same pairs again change
    /// nothing; the same slots under other rank numbers are a change (a list is its (rank, slot) pairs).
    @Test func aFirstListIsAuditedWithNothingBeforeAndRanksCount() async throws {
        try await IntakeFixture.with { f in
            let slots = try await f.db.pool.query("SELECT id, external_id FROM slots WHERE active ORDER BY id LIMIT 2")
            let slotIDs = try slots.map { try $0.decode(0, as: Int64.self) }
            let slotNames = try slots.map { try $0.decode(1, as: String.self) }
            let student = try await f.db.pool.query("SELECT s.id, s.external_id, o.code FROM students s JOIN organizations o ON o.id = s.school_id ORDER BY s.id DESC LIMIT 1").first!
            let pk: Int64 = try student.decode(0), id: String = try student.decode(1), school: String = try student.decode(2)
            _ = try await f.db.pool.execute("DELETE FROM choices WHERE student_id = $1", [pk])
            let lastEntry = "SELECT coalesce(max(id), 0)::bigint FROM audit_log"
            let start = try await f.db.pool.query(lastEntry)[0].decode(0, as: Int64.self)

            let file = "school,student_id,rank,slot_id\n\(school),\(id),2,\(slotNames[1])\n\(school),\(id),1,\(slotNames[0])\n"
            #expect(try await f.importCSV(.choices, file) == ImportCounts(created: 1, updated: 0, unchanged: 0))
            let entries = try await f.db.pool.query("""
                SELECT action, detail = jsonb_build_object('before', NULL, 'after', to_jsonb($2::bigint[])) AS exact
                FROM audit_log WHERE id > $1 AND entity = 'choices' AND action <> 'import'
                """, [start, slotIDs])
            #expect(entries.count == 1)
            #expect(try entries.first?.decode("action", as: String.self) == "insert")
            #expect(try entries.first?.decode("exact", as: Bool.self) == true, "before is null, after the slots by rank")

            #expect(try await f.importCSV(.choices, file) == ImportCounts(created: 0, updated: 0, unchanged: 1))
            let gaps = "school,student_id,rank,slot_id\n\(school),\(id),1,\(slotNames[0])\n\(school),\(id),3,\(slotNames[1])\n"
            #expect(try await f.importCSV(.choices, gaps) == ImportCounts(created: 0, updated: 1, unchanged: 0))
            #expect(try await f.count("SELECT count(*)::int FROM choices WHERE student_id = $1 AND rank = 3", [pk]) == 1)
        }
    }

    /// A list changed by someone else between the import's reading of the stored lists and its
    /// writing of them is not overwritten: the import names the problem and changes nothing. (Here a
    /// trigger of the test database changes one student's list in that gap, when the import writes its audit entries.)
    @Test func aListChangedMeanwhileStopsTheImport() async throws {
        try await IntakeFixture.with { f in
            let student = try await f.db.pool.query("""
                SELECT s.id, s.external_id, o.code FROM students s JOIN organizations o ON o.id = s.school_id
                WHERE EXISTS (SELECT 1 FROM choices c WHERE c.student_id = s.id AND c.rank = 1) ORDER BY s.id LIMIT 1
                """).first!
            let pk: Int64 = try student.decode(0), id: String = try student.decode(1), school: String = try student.decode(2)
            let slot = try await f.db.pool.query("""
                SELECT external_id FROM slots WHERE active AND id NOT IN (SELECT slot_id FROM choices WHERE student_id = $1) ORDER BY id LIMIT 1
                """, [pk])[0].decode(0, as: String.self)
            _ = try await f.db.pool.execute("CREATE TABLE test_meddle_target AS SELECT $1::bigint AS student_id", [pk])
            _ = try await f.db.pool.execute("""
                CREATE FUNCTION test_meddle() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('wblmatch.choice_list_writer', true) = 'on' THEN
                        DELETE FROM choices WHERE student_id IN (SELECT student_id FROM test_meddle_target) AND rank = 1;
                    END IF;
                    RETURN NULL;
                END $$
                """)
            _ = try await f.db.pool.execute("CREATE TRIGGER test_meddle AFTER INSERT ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION test_meddle()")
            let found = try await f.problems(.choices, "school,student_id,rank,slot_id\n\(school),\(id),1,\(slot)\n")
            #expect(found == ["choices.csv: some of these students' choices were changed by someone else while the file was being imported, so nothing was imported: import the file again"])
            _ = try await f.db.pool.execute("DROP TRIGGER test_meddle ON audit_log")
            #expect(try await f.importCSV(.choices, "school,student_id,rank,slot_id\n\(school),\(id),1,\(slot)\n") == ImportCounts(updated: 1))
        }
    }

    @Test func choicesReplaceAWholeListAtomically() async throws {
        try await IntakeFixture.with { f in
            let slots = try await f.db.pool.query("SELECT external_id FROM slots WHERE active ORDER BY id LIMIT 3").map { try $0.decode(0, as: String.self) }
            let student = try await f.db.pool.query("SELECT s.external_id, o.code FROM students s JOIN organizations o ON o.id = s.school_id ORDER BY s.id LIMIT 1").first!
            let id: String = try student.decode(0), school: String = try student.decode(1)
            let othersBefore = try await f.count("SELECT count(*)::int FROM choices c JOIN students s ON s.id = c.student_id WHERE s.external_id <> $1", [id])

            let first = "school,student_id,rank,slot_id\n" + slots.enumerated().map { "\(school),\(id),\($0.offset + 1),\($0.element)" }.joined(separator: "\n")
            let lastEntry = "SELECT coalesce(max(id), 0)::bigint FROM audit_log"
            let start = try await f.db.pool.query(lastEntry)[0].decode(0, as: Int64.self)
            let hadList = try await f.count("SELECT count(*)::int FROM choices c JOIN students s ON s.id = c.student_id WHERE s.external_id = $1", [id]) > 0
            _ = try await f.importCSV(.choices, first)
            let middle = try await f.db.pool.query(lastEntry)[0].decode(0, as: Int64.self)
            let second = "school,student_id,rank,slot_id\n\(school),\(id),1,\(slots[2])\n\(school),\(id),2,\(slots[0])\n"
            let counts = try await f.importCSV(.choices, second)
            #expect(counts == ImportCounts(created: 0, updated: 1, unchanged: 0))
            // Each import: one entry for the changed list (before and after, as slot ids in rank order), one for the import.
            let entries = """
                SELECT l.action, l.entity_id, l.actor,
                       (SELECT string_agg(sl.external_id, ',' ORDER BY b.n) FROM jsonb_array_elements_text(l.detail->'before') WITH ORDINALITY b(id, n)
                        JOIN slots sl ON sl.id = b.id::bigint) AS was,
                       (SELECT string_agg(sl.external_id, ',' ORDER BY a.n) FROM jsonb_array_elements_text(l.detail->'after') WITH ORDINALITY a(id, n)
                        JOIN slots sl ON sl.id = a.id::bigint) AS now
                FROM audit_log l WHERE l.id > $1 AND l.id <= $2 AND l.entity = 'choices' AND l.action <> 'import' ORDER BY l.id
                """
            let end = try await f.db.pool.query(lastEntry)[0].decode(0, as: Int64.self)
            let studentKey = try await f.db.pool.query("""
                SELECT c.round_id || '/' || c.student_id FROM choices c JOIN students s ON s.id = c.student_id WHERE s.external_id = $1 LIMIT 1
                """, [id])[0].decode(0, as: String.self)
            let firstEntries = try await f.db.pool.query(entries, [start, middle])
            let secondEntries = try await f.db.pool.query(entries, [middle, end])
            #expect(firstEntries.count == 1 && secondEntries.count == 1, "\(firstEntries.count), \(secondEntries.count), had \(hadList)")
            let firstAction = hadList ? "update" : "insert"
            for (rows, action, now) in [(firstEntries, firstAction, slots.joined(separator: ",")), (secondEntries, "update", "\(slots[2]),\(slots[0])")] {
                guard let row = rows.first else { continue }
                #expect(try row.decode("action", as: String.self) == action && row.decode("entity_id", as: String.self) == studentKey)
                #expect(try row.decode("actor", as: String.self) == IntakeFixture.coordinator)
                #expect(try row.decode("now", as: String?.self) == now)
            }
            #expect(try secondEntries.first?.decode("was", as: String?.self) == slots.joined(separator: ","))
            let stored = try await f.db.pool.query("""
                SELECT sl.external_id FROM choices c JOIN students s ON s.id = c.student_id JOIN slots sl ON sl.id = c.slot_id
                WHERE s.external_id = $1 ORDER BY c.rank
                """, [id]).map { try $0.decode(0, as: String.self) }
            #expect(stored == [slots[2], slots[0]])
            #expect(try await f.count("SELECT count(*)::int FROM choices c JOIN students s ON s.id = c.student_id WHERE s.external_id <> $1", [id]) == othersBefore)
        }
    }

    @Test func importIsAudited() async throws {
        try await IntakeFixture.with(loadAll: false) { f in
            _ = try await f.importCSV(.rounds, f.data.csv(.rounds))
            let rows = try await f.db.pool.query(
                "SELECT actor, entity, detail->>'created' AS created FROM audit_log WHERE entity = 'rounds' AND action = 'import'")
            #expect(rows.count == 1)
            #expect(try rows[0].decode("actor", as: String.self) == IntakeFixture.coordinator)
            #expect(try rows[0].decode("created", as: String.self) == "1")
            // And the round itself, row by row (sql/0049), by the same coordinator.
            let inserted = try await f.db.pool.query("SELECT actor, detail->'after'->>'name' AS name FROM audit_log WHERE entity = 'rounds' AND action = 'insert'")
            #expect(inserted.count == 1)
            #expect(try inserted.first?.decode("actor", as: String.self) == IntakeFixture.coordinator)
        }
    }

    @Test func bootstrapOnlyIntoAnEmptyDatabase() async throws {
        try await IntakeFixture.with(loadAll: false) { f in
            await #expect(throws: IntakeProblems.self) {
                _ = try await UserRepository(pool: f.db.pool).bootstrapUser(kind: .users)
            }
        }
    }
}
