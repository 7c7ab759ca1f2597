import Database
import Intake
import Store
import Testing
import TestSupport

@Suite struct LargeImportTests {
    /// A 100,000-student file imports in one transaction, as a bulk load (none of its students is
    /// stored yet: the key index is built again, the school key checked over the table), and again
    /// as all unchanged. Its rows are checked while the first ones are copied (straight in, or into
    /// the staging table once students are stored): a wrong cell or a student given twice far into
    /// the file is named as a whole-file check names it, and changes nothing.
    @Test func hundredThousandStudents() async throws {
        try await IntakeFixture.with(students: 100_000, seed: 21, loadAll: false) { f in
            let csv = f.data.csv(.students)
            let table = try CSVReader().read(Array(csv.utf8), fileName: "students.csv")
            let (school, student, birth) = (table.index(of: "school")!, table.index(of: "student_id")!, table.index(of: "birth_date")!)
            func problems(_ table: CSVTable) async throws -> [String] {
                do {
                    _ = try await f.importTable(.students, table)
                    return []
                } catch let problems as IntakeProblems {
                    return problems.problems.map(\.description)
                }
            }
            // Half the file is still a bulk load (50,000 rows: sql/0043), checked while copied, and quicker.
            var before = try await f.snapshot()
            var twice = table
            twice.rows.removeLast(table.rows.count - 50_000)
            twice.rows[40_000].fields[school] = table.rows[10].fields[school]
            twice.rows[40_000].fields[student] = table.rows[10].fields[student]
            twice.rows[45_000].fields[school] = "nowhere-hs"
            var wrongCell = twice
            wrongCell.rows[30_000].fields[birth] = "2009-02-30"
            #expect(try await problems(wrongCell) == [
                "students.csv:\(table.rows[30_000].line):birth_date: \"2009-02-30\" is not a date (use YYYY-MM-DD)",
            ], "a row's own problems come first, as when the file is checked whole")
            let twiceProblems = [
                "students.csv:\(table.rows[40_000].line):student_id: student \(table.rows[10].fields[student]) of \(table.rows[10].fields[school]) appears again (first on line \(table.rows[10].line))",
                "students.csv:\(table.rows[45_000].line):school: \"nowhere-hs\" is not the code of a school",
            ]
            #expect(try await problems(twice) == twiceProblems)
            var half = table
            half.rows.removeLast(table.rows.count - 50_000)
            #expect(try await f.importTable(.students, half, options: ImportOptions(dryRun: true)) == ImportCounts(created: 50_000))
            #expect(try await f.snapshot() == before, "the failed imports and the dry run changed nothing")

            let key = "SELECT 'students_school_id_external_id_key'::regclass::oid::bigint AS oid"
            let keyBefore = try await f.db.pool.query(key)[0].decode("oid", as: Int64.self)
            let first = try await f.importCSV(.students, csv)
            #expect(first == ImportCounts(created: 100_000))
            #expect(try await f.count("SELECT count(*)::int FROM students") == 100_000)
            #expect(try await f.db.pool.query(key)[0].decode("oid", as: Int64.self) != keyBefore, "the key index was built again")
            #expect(try await f.count("SELECT count(*)::int FROM pg_index WHERE indrelid = 'students'::regclass AND indisvalid AND indisunique") == 2)
            #expect(try await f.count("SELECT count(*)::int FROM pg_constraint WHERE conrelid = 'students'::regclass AND contype = 'f' AND convalidated") == 1)
            // The rows as the file has them: the first and the last student, under their school's code.
            let rows = try f.batch(.students, csv).rows
            for row in [rows[0], rows[rows.count - 1]] {  // school, student_id, first_name, last_name, …
                #expect(try await f.count("""
                    SELECT count(*)::int FROM students s JOIN organizations o ON o.id = s.school_id
                    WHERE o.code = $1 AND s.external_id = $2 AND s.last_name = $3
                    """, [row.values[0], row.values[1], row.values[3]]) == 1)
            }
            // Checked while copied into the staging table: the same problems, and again nothing changes.
            before = try await f.snapshot()
            #expect(try await problems(twice) == twiceProblems)
            #expect(try await f.snapshot() == before, "the failed import into the staging table changed nothing")
            // Upserted through the staging table, the same file finds every row as copied.
            let again = try await f.importCSV(.students, csv)
            #expect(again == ImportCounts(unchanged: 100_000))
        }
    }

    /// A choices file of over 50,000 rows into an empty round is written as a bulk load (the
    /// indexes of `choices` built again, its foreign keys dropped and added back): every list lands
    /// with its audit entry, the keys and indexes are all back, and the same file again changes nothing.
    @Test func aLargeChoicesFileIsWrittenInBulk() async throws {
        try await IntakeFixture.with(students: 8_000, seed: 22, loadAll: false) { f in
            for kind in [IntakeKind.rounds, .employers, .slots, .students] { _ = try await f.importCSV(kind, f.data.csv(kind)) }
            let csv = f.data.csv(.choices)
            let rows = csv.split(separator: "\n").count - 1
            let lists = Set(csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }).count
            #expect(rows >= 50_000, "enough rows for the bulk load")
            // The rows are checked first: a wrong cell is named before a round that does not exist.
            var table = try CSVReader().read(Array(csv.utf8), fileName: "choices.csv")
            let rank = try #require(table.index(of: "rank"))
            let nosuch = ImportOptions(round: "nosuch")
            func problems(_ table: CSVTable) async throws -> [String] {
                do {
                    _ = try await f.importTable(.choices, table, options: nosuch)
                    return []
                } catch let problems as IntakeProblems {
                    return problems.problems.map(\.description)
                }
            }
            #expect(try await problems(table) == ["choices.csv: there is no round named \"nosuch\""])
            table.rows[30_000].fields[rank] = "x"
            #expect(try await problems(table) == ["choices.csv:\(table.rows[30_000].line):rank: \"x\" is not a whole number"])

            let index = "SELECT 'choices_pkey'::regclass::oid::bigint AS oid"
            let indexBefore = try await f.db.pool.query(index)[0].decode("oid", as: Int64.self)

            #expect(try await f.importCSV(.choices, csv) == ImportCounts(created: lists))
            #expect(try await f.count("SELECT count(*)::int FROM choices") == rows)
            #expect(try await f.count("SELECT count(*)::int FROM audit_log WHERE entity = 'choices' AND action = 'insert'") == lists)
            #expect(try await f.db.pool.query(index)[0].decode("oid", as: Int64.self) != indexBefore, "the indexes were built again")
            #expect(try await f.count("SELECT count(*)::int FROM pg_index WHERE indrelid = 'choices'::regclass AND indisvalid") == 3)
            #expect(try await f.count("SELECT count(*)::int FROM pg_constraint WHERE conrelid = 'choices'::regclass AND contype = 'f' AND convalidated") == 3)
            #expect(try await f.importCSV(.choices, csv) == ImportCounts(unchanged: lists))
        }
    }
}
