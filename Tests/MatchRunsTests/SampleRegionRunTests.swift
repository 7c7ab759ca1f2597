import Database
import Intake
import Reports
import Store
import Testing
import TestSupport
@testable import MatchRuns

/// The Region I sample through the real import and the real pipeline: the data the demo, the
/// benchmarks and a first-time user see must look like a real round, where counselors steer
/// students toward slots they can take and most students are placed.
@Suite struct SampleRegionRunTests {
    /// A Region I sample of `students` through the real validator and importer, as a coordinator.
    static func importSample(students: Int, seed: UInt64, into db: TestDatabase) async throws {
        let data = SampleDataGenerator(students: students, seed: seed).generate()
        let validator = IntakeValidator(today: CalendarDay(year: 2026, month: 11, day: 29)!)
        let users = UserRepository(pool: db.pool)
        for (kind, csv) in data.files {
            let batch = try validator.validate(csv: Array(csv.utf8), fileName: kind.fileName, kind: kind)
            let user = kind == .organizations || kind == .users
                ? try await users.bootstrapUser(kind: kind)
                : try await users.actingUser(email: data.coordinatorEmail)
            _ = try await IntakeImporter(pool: db.pool).run(batch, as: user)
        }
    }

    @Test func mostSampleChoicesAreEligibleAndMostStudentsArePlaced() async throws {
        try await TestDatabase.with { db in
            try await Self.importSample(students: 1_500, seed: 42, into: db)
            _ = try await db.pool.execute(TableMailer.create)
            let pipeline = MatchRunPipeline(pool: db.pool, renderer: ReportRenderer(templates: try await ReportTemplates.bundled()),
                                            mailer: TableMailer(), publicURL: "https://wbl.example.org")
            let summary = try await pipeline.run(MatchRunArgs(kind: .manual, seed: 7))
            #expect(summary.verified)
            let counts = summary.counts
            let eligibleShare = Double(counts.eligiblePairs) / Double(counts.choices)
            let withChoices = try await db.pool.query("SELECT count(DISTINCT student_id) FROM choices")[0].decode(0, as: Int.self)
            let placedShare = Double(counts.assigned) / Double(withChoices)
            #expect(eligibleShare > 0.5, "only \(counts.eligiblePairs) of \(counts.choices) choices are eligible")
            #expect(placedShare > 0.6, "only \(counts.assigned) of \(withChoices) students with choices placed")
            // Not everyone: the sample keeps realistic gaps (missing consent, no transport, aspirations).
            #expect(eligibleShare < 0.95 && placedShare < 0.98)
        }
    }

    /// The students and slots read on a second connection that shares the snapshot give the same
    /// inputs, and the same digest, as reading everything on one connection.
    @Test func aSnapshotReadOnTwoConnectionsEqualsOneReadOnOne() async throws {
        try await TestDatabase.with(poolSize: 3) { db in
            try await Self.importSample(students: 600, seed: 5, into: db)
            func load(parallel: Bool) async throws -> RunInputs {
                try await db.pool.withTransaction(.repeatableRead, readOnly: true) { conn in
                    try await RunSnapshot.load(roundID: try await RunSnapshot.roundID(nil, on: conn), on: conn, pool: parallel ? db.pool : nil)
                }
            }
            let one = try await load(parallel: false)
            let opened = db.pool.statistics.open
            let two = try await load(parallel: true)
            #expect(db.pool.statistics.open > 1, "the second read used a second connection (\(opened) open before)")
            #expect(one.digest == two.digest)
            #expect(one.students.map(\.id) == two.students.map(\.id) && one.students.count > 400)
            #expect(one.slots.map(\.id) == two.slots.map(\.id) && !one.slots.isEmpty)
            #expect(one.students.map(\.birthDate) == two.students.map(\.birthDate))
            #expect(one.choiceCount == two.choiceCount)
        }
    }
}
