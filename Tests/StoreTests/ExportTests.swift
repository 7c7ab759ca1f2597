import Database
import Intake
import Store
import Testing
import TestSupport

@Suite struct ExportTests {
    @Test func everyKindRoundTripsUnchanged() async throws {
        try await IntakeFixture.with { f in
            let coordinator = try await UserRepository(pool: f.db.pool).actingUser(email: IntakeFixture.coordinator)
            let exporter = IntakeExporter(pool: f.db.pool)
            for kind in IntakeKind.allCases {
                let csv = try await exporter.csv(kind, as: coordinator)
                let counts = try await f.importCSV(kind, csv)
                #expect(counts.created == 0 && counts.updated == 0, "\(kind): \(counts)")
                #expect(counts.unchanged > 0, "\(kind)")
            }
        }
    }

    @Test func exportIsScopedToTheUser() async throws {
        try await IntakeFixture.with { f in
            let counselor = try await UserRepository(pool: f.db.pool).actingUser(email: "counselor@clovis-hs.example.org")
            let csv = try await IntakeExporter(pool: f.db.pool).csv(.students, as: counselor)
            let batch = try f.batch(.students, csv)
            #expect(!batch.rows.isEmpty)
            #expect(batch.rows.allSatisfy { batch.value("school", in: $0) == "clovis-hs" })
            await #expect(throws: IntakeProblems.self) { _ = try await IntakeExporter(pool: f.db.pool).csv(.referrals, as: counselor) }
        }
    }

    /// Choices and rankings of a round that does not exist are an error, not an empty file.
    @Test func anUnknownRoundIsAnErrorNotAHeader() async throws {
        try await IntakeFixture.with { f in
            let coordinator = try await UserRepository(pool: f.db.pool).actingUser(email: IntakeFixture.coordinator)
            let exporter = IntakeExporter(pool: f.db.pool)
            for kind in [IntakeKind.choices, .rankings] {
                do {
                    _ = try await exporter.csv(kind, as: coordinator, round: "Spring 1999")
                    Issue.record("\(kind): exported an unknown round")
                } catch let problems as IntakeProblems {
                    #expect("\(problems)".contains("there is no round named \"Spring 1999\""), "\(problems)")
                }
                #expect(try await exporter.csv(kind, as: coordinator).split(separator: "\n").count > 1, "\(kind): the open round exports rows")
            }
            _ = try await f.db.pool.execute("UPDATE rounds SET state = 'final'")
            await #expect(throws: IntakeProblems.self) { _ = try await exporter.csv(.choices, as: coordinator) }
        }
    }

    @Test func formulaCellsAreEscapedAndImportBack() async throws {
        try await IntakeFixture.with(loadAll: false) { f in
            _ = try await f.importCSV(.organizations, "code,kind,name,county\nevil-co,partner,\"=HYPERLINK(\"\"http://x\"\")\",@Curry\n")
            let coordinator = try await UserRepository(pool: f.db.pool).actingUser(email: IntakeFixture.coordinator)
            let csv = try await IntakeExporter(pool: f.db.pool).csv(.organizations, as: coordinator)
            #expect(csv.contains("evil-co,partner,\"'=HYPERLINK(\"\"http://x\"\")\",'@Curry"))
            #expect(try await f.importCSV(.organizations, csv).updated == 0)
            let name = try await f.db.pool.query("SELECT name FROM organizations WHERE code = 'evil-co'").first!.decode(0, as: String.self)
            #expect(name == "=HYPERLINK(\"http://x\")")
        }
    }
}
