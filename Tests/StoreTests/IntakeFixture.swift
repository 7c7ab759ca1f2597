import Database
import Intake
import Store
import TestSupport
import Testing

/// A migrated test database loaded with a small sample data set, and helpers to import files
/// and to prove the database unchanged.
struct IntakeFixture {
    let db: TestDatabase
    let data: SampleDataSet
    static let coordinator = SampleDataGenerator.coordinatorEmail
    static let today = CalendarDay(year: 2026, month: 11, day: 29)!

    /// Runs `body` with a fresh database holding a sample of `students` (all kinds imported).
    static func with(students: Int = 120, seed: UInt64 = 5, loadAll: Bool = true,
                     _ body: (IntakeFixture) async throws -> Void) async throws {
        try await TestDatabase.with { db in
            let fixture = IntakeFixture(db: db, data: SampleDataGenerator(students: students, seed: seed).generate())
            let users = UserRepository(pool: db.pool)
            for kind in [IntakeKind.organizations, .users] {
                let batch = try fixture.batch(kind, fixture.data.csv(kind))
                _ = try await IntakeImporter(pool: db.pool).run(batch, as: try await users.bootstrapUser(kind: kind))
            }
            if loadAll {
                for kind in [IntakeKind.rounds, .employers, .slots, .students, .choices, .referrals, .rankings] {
                    _ = try await fixture.importCSV(kind, fixture.data.csv(kind))
                }
            }
            try await body(fixture)
        }
    }

    func batch(_ kind: IntakeKind, _ csv: String, fileName: String? = nil) throws -> IntakeBatch {
        try IntakeValidator(today: Self.today).validate(csv: Array(csv.utf8), fileName: fileName ?? kind.fileName, kind: kind)
    }

    /// Validates and imports `csv` as `email`, as `wblmatch import` does.
    func importCSV(_ kind: IntakeKind, _ csv: String, as email: String = IntakeFixture.coordinator,
                   options: ImportOptions = ImportOptions()) async throws -> ImportCounts {
        try await importTable(kind, try CSVReader().read(Array(csv.utf8), fileName: kind.fileName), as: email, options: options)
    }

    /// Validates and imports `table` as `email`.
    func importTable(_ kind: IntakeKind, _ table: CSVTable, as email: String = IntakeFixture.coordinator,
                     options: ImportOptions = ImportOptions()) async throws -> ImportCounts {
        let user = try await UserRepository(pool: db.pool).actingUser(email: email)
        return try await IntakeImporter(pool: db.pool).run(table, kind: kind, validator: IntakeValidator(today: Self.today), as: user, options: options)
    }

    /// The problems importing `csv` reports (empty when it succeeds), checking that the database is
    /// unchanged afterwards whenever there are problems.
    func problems(_ kind: IntakeKind, _ csv: String, as email: String = IntakeFixture.coordinator,
                  sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
        let before = try await snapshot()
        do {
            _ = try await importCSV(kind, csv, as: email)
            return []
        } catch let problems as IntakeProblems {
            let after = try await snapshot()
            #expect(before == after, "the database changed although the import failed", sourceLocation: sourceLocation)
            return problems.problems.map(\.description)
        }
    }

    /// A digest of every domain table's rows (including timestamps), to prove nothing changed.
    func snapshot() async throws -> [String] {
        let rows = try await db.pool.query(Self.snapshotQuery)
        return try rows.map { "\(try $0.decode("t", as: String.self)):\(try $0.decode("digest", as: String?.self) ?? "-")" }
    }

    static let snapshotQuery = """
        SELECT 'organizations' AS t, md5(string_agg(x::text, '|' ORDER BY x::text)) AS digest FROM organizations x
        UNION ALL SELECT 'users', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM users x
        UNION ALL SELECT 'rounds', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM rounds x
        UNION ALL SELECT 'employers', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM employers x
        UNION ALL SELECT 'sites', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM sites x
        UNION ALL SELECT 'slots', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM slots x
        UNION ALL SELECT 'students', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM students x
        UNION ALL SELECT 'choices', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM choices x
        UNION ALL SELECT 'rankings', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM rankings x
        UNION ALL SELECT 'referrals', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM referrals x
        UNION ALL SELECT 'referral_restrictions', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM referral_restrictions x
        UNION ALL SELECT 'referral_excluded_employers', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM referral_excluded_employers x
        UNION ALL SELECT 'referral_excluded_counties', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM referral_excluded_counties x
        UNION ALL SELECT 'audit_log', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM audit_log x
        """

    func count(_ sql: String, _ binds: [any SQLEncodable] = []) async throws -> Int {
        try await db.pool.query(sql, binds).first!.decode(0, as: Int.self)
    }
}
