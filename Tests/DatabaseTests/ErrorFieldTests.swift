import Database
import Testing
import TestSupport

@Suite struct ErrorFieldTests {
    static let schema = """
        CREATE TABLE school (id int PRIMARY KEY, name text NOT NULL);
        CREATE TABLE student (
            id int PRIMARY KEY,
            school_id int NOT NULL REFERENCES school(id),
            external_id text NOT NULL,
            grade int NOT NULL CONSTRAINT student_grade_range CHECK (grade BETWEEN 6 AND 12),
            CONSTRAINT student_external_id_unique UNIQUE (school_id, external_id)
        );
        INSERT INTO school VALUES (1, 'Clovis High');
        """

    @Test func integrityViolationsCarrySQLStateAndConstraint() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.withConnection { conn in try await conn.executeScript(Self.schema) }
            let insert = "INSERT INTO student (id, school_id, external_id, grade) VALUES ($1, $2, $3, $4)"
            try await db.pool.execute(insert, [1, 1, "S-1", 9])

            let unique = try await #require(throws: DatabaseError.self) { try await db.pool.execute(insert, [2, 1, "S-1", 9]) }
            #expect(unique.isUniqueViolation && unique.sqlState == "23505")
            #expect(unique.constraint == "student_external_id_unique")
            #expect(unique.detail?.contains("S-1") == true)
            #expect(unique.table == "student")

            let foreign = try await #require(throws: DatabaseError.self) { try await db.pool.execute(insert, [3, 99, "S-3", 9]) }
            #expect(foreign.isForeignKeyViolation && !foreign.isUniqueViolation)
            #expect(foreign.constraint == "student_school_id_fkey")

            let check = try await #require(throws: DatabaseError.self) { try await db.pool.execute(insert, [4, 1, "S-4", 13]) }
            #expect(check.isCheckViolation && check.constraint == "student_grade_range")

            let notNull = try await #require(throws: DatabaseError.self) { try await db.pool.execute(insert, [5, 1, String?.none, 9]) }
            #expect(notNull.isNotNullViolation && notNull.column == "external_id")
            #expect(!notNull.isConnectionFailure)
        }
    }

    @Test func syntaxErrorsAndHints() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let syntax = try await #require(throws: DatabaseError.self) { try await db.pool.query("SELEC 1") }
            #expect(syntax.sqlState == "42601" && syntax.kind == .query && syntax.query == "SELEC 1")
            let function = try await #require(throws: DatabaseError.self) { try await db.pool.query("SELECT no_such_function($1)", [1]) }
            #expect(function.sqlState == "42883" && function.hint?.isEmpty == false)
            // The pool's connection is still usable after errors.
            #expect(try await db.pool.query("SELECT 1 AS one")[0].decode("one", as: Int.self) == 1)
        }
    }

    @Test func unreachableServerIsAConnectionFailure() async throws {
        let error = try await #require(throws: DatabaseError.self) {
            _ = try await Connection.connect(url: "postgresql://postgres@127.0.0.1:1/none?connect_timeout=2")
        }
        #expect(error.isConnectionFailure && error.kind == .connection)
        #expect(error.message.contains("127.0.0.1"))
    }
}
