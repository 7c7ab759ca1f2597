import Database
import Intake
import Store
import Testing
import TestSupport

@Suite struct LargeImportTests {
    /// A 100,000-student file imports in one transaction, and again as all unchanged.
    @Test func hundredThousandStudents() async throws {
        try await IntakeFixture.with(students: 100_000, seed: 21, loadAll: false) { f in
            let csv = f.data.csv(.students)
            let first = try await f.importCSV(.students, csv)
            #expect(first == ImportCounts(created: 100_000))
            #expect(try await f.count("SELECT count(*)::int FROM students") == 100_000)
            let again = try await f.importCSV(.students, csv)
            #expect(again == ImportCounts(unchanged: 100_000))
        }
    }
}
