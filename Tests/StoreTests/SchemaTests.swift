import Database
import Testing
import TestSupport

@Suite struct SchemaTests {
    @Test func auditLogIsAppendOnly() async throws {
        try await TestDatabase.with { db in
            try await db.pool.execute("INSERT INTO audit_log (actor, action) VALUES ($1, $2)", ["test", "check"])
            for statement in ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"] {
                do {
                    try await db.pool.execute(statement)
                    Issue.record("\(statement) succeeded")
                } catch let error as DatabaseError {
                    #expect(error.message.contains("append-only"))
                }
            }
            #expect(try await db.pool.query("SELECT count(*)::int FROM audit_log").first!.decode(0, as: Int.self) == 1)
        }
    }

    /// An entry's actor_user_id must be a user, and a user named by entries cannot be deleted
    /// (sql/0055: checked per statement, not per entry).
    @Test func auditEntriesNameUsersThatExist() async throws {
        try await TestDatabase.with { db in
            try await db.pool.execute("INSERT INTO organizations (code, kind, name) VALUES ('region-1', 'consortium', 'Region I')")
            func user(_ email: String) async throws -> Int64 {
                try await db.pool.query("""
                    INSERT INTO users (email, role, organization_id) SELECT $1, 'coordinator', id FROM organizations RETURNING id
                    """, [email])[0].decode("id")
            }
            let ana = try await user("ana@example.org"), ben = try await user("ben@example.org")
            let entries = "INSERT INTO audit_log (actor_user_id, actor, action) SELECT unnest($1::bigint[]), 'test', 'check'"
            try await db.pool.execute(entries, [[ana, ana, ben]])
            try await db.pool.execute("INSERT INTO audit_log (actor, action) VALUES ('system', 'check')")
            do {
                try await db.pool.execute(entries, [[ana, ben + 1000, ben]])
                Issue.record("an entry naming no user was written")
            } catch let error as DatabaseError {
                #expect(error.sqlState == "23503")
                #expect(error.message.contains("names user \(ben + 1000)"))
            }
            #expect(try await db.pool.query("SELECT count(*)::int FROM audit_log").first!.decode(0, as: Int.self) == 4, "the whole statement was refused")
            do {
                try await db.pool.execute("DELETE FROM users WHERE id = ANY ($1::bigint[])", [[ana, ben]])
                Issue.record("a user named by audit entries was deleted")
            } catch let error as DatabaseError {
                #expect(error.sqlState == "23503")
            }
            let carl = try await user("carl@example.org")
            try await db.pool.execute("DELETE FROM users WHERE id = $1", [carl])
            #expect(try await db.pool.query("SELECT count(*)::int FROM users").first!.decode(0, as: Int.self) == 2)
        }
    }

    @Test func constraintsHoldWithoutTheApp() async throws {
        try await TestDatabase.with { db in
            try await db.pool.execute("INSERT INTO organizations (code, kind, name) VALUES ('edc-a', 'edc', 'A'), ('hs-a', 'school', 'HS')")
            try await db.pool.execute("INSERT INTO employers (edc_id, external_id, name) SELECT id, 'E1', 'Emp' FROM organizations WHERE code = 'edc-a'")
            let slot = """
                INSERT INTO slots (edc_id, external_id, employer_id, title, kind, program_of_study, capacity, reserved_seats,
                                   start_date, end_date, virtual)
                SELECT e.edc_id, $1, e.id, 'T', 'internship', 'agriculture', $2, $3, '2027-01-01', '2027-02-01', true FROM employers e
                """
            try await db.pool.execute(slot, ["S1", 2, 1])
            for (id, capacity, reserved) in [("S2", -1, 0), ("S3", 1, 2), ("S4", 1, -1)] {
                await #expect(throws: DatabaseError.self) { try await db.pool.execute(slot, [id, capacity, reserved]) }
            }
            await #expect(throws: DatabaseError.self) { try await db.pool.execute(slot, ["S1", 1, 0]) }   // unique per EDC
            await #expect(throws: DatabaseError.self) {
                try await db.pool.execute("INSERT INTO users (email, role, organization_id) SELECT $1, 'counselor', id FROM organizations WHERE code = 'hs-a'", ["Ana@X.org"])
                try await db.pool.execute("INSERT INTO users (email, role, organization_id) SELECT $1, 'counselor', id FROM organizations WHERE code = 'hs-a'", ["ana@x.ORG"])
            }
            try await db.pool.execute("INSERT INTO rounds (name, max_choices) VALUES ('r', 2)")
            try await db.pool.execute("INSERT INTO students (school_id, external_id, first_name, last_name, birth_date, grade) SELECT id, '1', 'A', 'B', '2010-01-01', 10 FROM organizations WHERE code = 'hs-a'")
            await #expect(throws: DatabaseError.self) {
                try await db.pool.execute("INSERT INTO students (school_id, external_id, first_name, last_name, birth_date, grade) SELECT id, '2', 'A', 'B', '2010-01-01', 13 FROM organizations WHERE code = 'hs-a'")
            }
            let choice = "INSERT INTO choices (round_id, student_id, rank, slot_id) SELECT r.id, s.id, $1, sl.id FROM rounds r, students s, slots sl WHERE sl.external_id = $2"
            try await db.pool.execute(slot, ["S9", 1, 0])
            try await db.pool.execute(choice, [1, "S1"])
            do {
                try await db.pool.execute(choice, [3, "S9"])
                Issue.record("a rank over max_choices was stored")
            } catch let error as DatabaseError {
                #expect(error.isCheckViolation)
            }
            await #expect(throws: DatabaseError.self) { try await db.pool.execute(choice, [2, "S1"]) }   // same slot twice
            await #expect(throws: DatabaseError.self) { try await db.pool.execute(choice, [0, "S9"]) }   // rank ≥ 1
        }
    }

    /// A round, a student of a school and `slots` slots of an EDC's employer: what a choice names.
    static func roundStudentAndSlots(slots: Int, in db: TestDatabase) async throws -> (round: Int64, student: Int64, slots: [Int64]) {
        try await db.pool.execute("INSERT INTO organizations (code, kind, name) VALUES ('edc-a', 'edc', 'A'), ('hs-a', 'school', 'HS')")
        try await db.pool.execute("INSERT INTO employers (edc_id, external_id, name) SELECT id, 'E1', 'Emp' FROM organizations WHERE code = 'edc-a'")
        try await db.pool.execute("""
            INSERT INTO slots (edc_id, external_id, employer_id, title, kind, program_of_study, capacity, reserved_seats,
                               start_date, end_date, virtual)
            SELECT e.edc_id, 'S' || g, e.id, 'T', 'internship', 'agriculture', 2, 0, '2027-01-01', '2027-02-01', true
            FROM employers e, generate_series(1, $1::int) g
            """, [slots])
        try await db.pool.execute("INSERT INTO rounds (name) VALUES ('r')")
        try await db.pool.execute("INSERT INTO students (school_id, external_id, first_name, last_name, birth_date, grade) SELECT id, '1', 'A', 'B', '2010-01-01', 10 FROM organizations WHERE code = 'hs-a'")
        let ids = try await db.pool.query("SELECT (SELECT id FROM rounds) AS r, (SELECT id FROM students) AS s, (SELECT array_agg(id ORDER BY id) FROM slots) AS sl")[0]
        return (try ids.decode("r"), try ids.decode("s"), try ids.decode("sl"))
    }

    /// sql/0043: a large import may drop the foreign keys of a table inside its transaction, but
    /// adding them back validates every row, and a transaction that never adds them back cannot commit.
    @Test func suspendedForeignKeysAreCheckedBeforeCommit() async throws {
        try await TestDatabase.with { db in
            let (round, student, slots) = try await Self.roundStudentAndSlots(slots: 1, in: db)
            let slot = slots[0]
            let insert = "INSERT INTO choices (round_id, student_id, rank, slot_id) VALUES ($1, $2, 1, $3)"
            let foreignKeys = "SELECT count(*)::int FROM pg_constraint WHERE conrelid = 'choices'::regclass AND contype = 'f'"

            await #expect(throws: DatabaseError.self, "restoring validates the inserted rows") {
                try await db.pool.withTransaction { conn in
                    #expect(try await conn.query("SELECT foreign_keys_suspend('choices') AS n")[0].decode("n", as: Int.self) == 3)
                    try await conn.execute(insert, [round, student + 1000, slot])
                    try await conn.execute("SELECT foreign_keys_restore('choices')")
                }
            }
            await #expect(throws: DatabaseError.self, "a commit with keys still suspended is refused") {
                try await db.pool.withTransaction { conn in
                    try await conn.execute("SELECT foreign_keys_suspend('choices')")
                    try await conn.execute(insert, [round, student, slot + 1000])
                }
            }
            #expect(try await db.pool.query(foreignKeys)[0].decode(0, as: Int.self) == 3)
            #expect(try await db.pool.query("SELECT count(*)::int FROM choices")[0].decode(0, as: Int.self) == 0)

            try await db.pool.withTransaction { conn in
                try await conn.execute("SELECT foreign_keys_suspend('choices')")
                try await conn.execute(insert, [round, student, slot])
                #expect(try await conn.query("SELECT foreign_keys_restore('choices') AS n")[0].decode("n", as: Int.self) == 3)
            }
            #expect(try await db.pool.query(foreignKeys)[0].decode(0, as: Int.self) == 3)
            let entry = try await db.pool.query("SELECT entity_id FROM audit_log WHERE entity = 'choices' AND action = 'insert'")
            #expect(try entry.map { try $0.decode("entity_id", as: String.self) } == ["\(round)/\(student)"], "one entry for the list")
        }
    }

    /// sql/0050: a large import may drop the indexes of a table inside its transaction; building them
    /// again gives the same indexes and checks uniqueness over every row, and a transaction that never
    /// builds them again cannot commit.
    @Test func suspendedIndexesAreBuiltAgainAndCheckedBeforeCommit() async throws {
        try await TestDatabase.with { db in
            let (round, student, slots) = try await Self.roundStudentAndSlots(slots: 2, in: db)
            let (slotA, slotB) = (slots[0], slots[1])
            let insert = "INSERT INTO choices (round_id, student_id, rank, slot_id) VALUES ($1, $2, $3, $4)"
            let indexes = "SELECT string_agg(indexdef, '; ' ORDER BY indexname) AS defs FROM pg_indexes WHERE tablename = 'choices'"
            let before: String = try await db.pool.query(indexes)[0].decode("defs")
            #expect(before.contains("UNIQUE") && before.contains("choices_pkey"))

            let duplicate = try await #require(throws: DatabaseError.self, "building the primary key again finds the duplicate rank") {
                try await db.pool.withTransaction { conn in
                    #expect(try await conn.query("SELECT indexes_suspend('choices') AS n")[0].decode("n", as: Int.self) == 3)
                    try await conn.execute(insert, [round, student, 1, slotA])
                    try await conn.execute(insert, [round, student, 1, slotB])
                    try await conn.execute("SELECT indexes_restore('choices')")
                }
            }
            #expect(duplicate.isUniqueViolation)
            await #expect(throws: DatabaseError.self, "a commit with indexes still suspended is refused") {
                try await db.pool.withTransaction { conn in
                    try await conn.execute("SELECT indexes_suspend('choices')")
                    try await conn.execute(insert, [round, student, 1, slotA])
                }
            }
            #expect(try await db.pool.query(indexes)[0].decode("defs", as: String.self) == before)
            #expect(try await db.pool.query("SELECT count(*)::int FROM choices")[0].decode(0, as: Int.self) == 0)

            try await db.pool.withTransaction { conn in
                try await conn.execute("SELECT indexes_suspend('choices')")
                try await conn.execute(insert, [round, student, 1, slotA])
                try await conn.execute(insert, [round, student, 2, slotB])
                #expect(try await conn.query("SELECT indexes_restore('choices') AS n")[0].decode("n", as: Int.self) == 3)
            }
            #expect(try await db.pool.query(indexes)[0].decode("defs", as: String.self) == before)
            #expect(try await db.pool.query("SELECT count(*)::int FROM choices")[0].decode(0, as: Int.self) == 2)
        }
    }
}
