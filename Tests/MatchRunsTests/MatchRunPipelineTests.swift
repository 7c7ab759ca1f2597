import Database
import Foundation
import Mail
import Reports
import Synchronization
import Testing
import TestSupport
@testable import MatchRuns

/// The pipeline against a real PostgreSQL: one transaction per run, emails with it, and the rules
/// about final runs, rescued jobs and verifier failures.
@Suite struct MatchRunPipelineTests {
    func pipeline(_ db: TestDatabase) async throws -> MatchRunPipeline {
        _ = try await db.pool.execute(TableMailer.create)
        let renderer = ReportRenderer(templates: try await ReportTemplates.bundled())
        return MatchRunPipeline(pool: db.pool, renderer: renderer, mailer: TableMailer(), publicURL: "https://wbl.example.org")
    }

    func count(_ db: TestDatabase, _ sql: String, _ binds: [any SQLEncodable] = []) async throws -> Int {
        try await db.pool.query(sql, binds)[0].decode(0, as: Int.self)
    }

    /// Emails rendered beside the write (as runs do) or alone before it (the bench hook): the same run.
    @Test(arguments: [false, true])
    func aRunWritesEverythingAndItsEmailsTogether(emailsFirst: Bool) async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            var pipeline = try await pipeline(db)
            pipeline.rendersEmailsFirst = emailsFirst
            let summary = try await pipeline.run(MatchRunArgs(kind: .manual, seed: 42))
            let runID = try #require(summary.runID)
            #expect(summary.verified)
            #expect(summary.state == "succeeded")
            #expect(summary.counts.students == 5 && summary.counts.slots == 3 && summary.counts.choices == 10)
            #expect(summary.inputDigest.count == 64)
            for stage in ["snapshot_ms", "eligibility_ms", "engine_ms", "verify_ms", "explain_ms", "write_ms", "emails_ms"] {
                #expect(summary.timings[stage] != nil, "missing \(stage)")
            }
            #expect(try await count(db, "SELECT count(*) FROM match_assignments WHERE run_id = $1", [runID]) == 5)
            #expect(try await count(db, "SELECT count(*) FROM match_explanations WHERE run_id = $1", [runID]) > 0)
            // Cruz: the court order closes IT help desk; she holds the reserved seat, pending approval.
            let cruz = try await db.pool.query("SELECT slot_id, status, reserved_seat FROM match_assignments WHERE run_id = $1 AND student_id = $2",
                                               [runID, seed.students["Cruz"]!])[0]
            #expect(try cruz.decode("slot_id", as: Int64?.self) == seed.slots["network"])
            #expect(try cruz.decode("status", as: String.self) == "pending_approval")
            // Emails: both coordinators, the counselor, the EDC and the case worker.
            let templates = try await db.pool.query("SELECT template FROM test_outbox ORDER BY template").map { try $0.decode("template", as: String.self) }
            #expect(templates == ["case_worker_digest", "coordinator_nightly", "coordinator_nightly", "counselor_digest", "edc_digest"])
            let edcMail: String = try await db.pool.query("SELECT body FROM test_outbox WHERE template = 'edc_digest'")[0].decode("body")
            #expect(!edcMail.contains("Restriction") && !edcMail.contains("approval") && !edcMail.contains("second-chance"))
            #expect(edcMail.contains("Cruz Peña, Clovis High"))
            let csv: String = try await db.pool.query("SELECT attachment FROM test_outbox WHERE to_address = 'jamie@example.org'")[0].decode("attachment")
            #expect(csv.hasPrefix("run_id,student_id"))
            #expect(!csv.contains("pending") && !csv.contains("Excluded"))
        }
    }

    @Test func theNextRunIsComparedWithThePreviousOne() async throws {
        try await TestDatabase.with { db in
            _ = try await Seed.write(db.pool)
            let pipeline = try await pipeline(db)
            let first = try await pipeline.run(MatchRunArgs(kind: .preview, seed: 1))
            let second = try await pipeline.run(MatchRunArgs(kind: .preview, seed: 1))
            #expect(second.previousRunID == first.runID)
            #expect(first.inputDigest == second.inputDigest)
            let body: String = try await db.pool.query(
                "SELECT body FROM test_outbox WHERE to_address = 'casey@example.org' ORDER BY id DESC LIMIT 1")[0].decode("body")
            #expect(body.contains("Compared with run #\(first.runID!): 0 moved, 0 newly matched, 0 no longer matched, 4 unchanged."))
        }
    }

    @Test func aRescuedJobFindsItsRunInsteadOfWritingAnother() async throws {
        try await TestDatabase.with { db in
            _ = try await Seed.write(db.pool)
            let pipeline = try await pipeline(db)
            let a = try await pipeline.run(MatchRunArgs(kind: .preview, seed: 9), jobID: 77)
            let b = try await pipeline.run(MatchRunArgs(kind: .preview, seed: 10), jobID: 77)
            #expect(a.runID == b.runID)
            #expect(b.seed == a.seed)
            #expect(try await count(db, "SELECT count(*) FROM match_runs") == 1)
            #expect(try await count(db, "SELECT count(*) FROM test_outbox") == 5)
        }
    }

    @Test func aVerifierFailureFailsTheRunLoudlyAndTellsOnlyCoordinators() async throws {
        try await TestDatabase.with { db in
            _ = try await Seed.write(db.pool)
            var pipeline = try await pipeline(db)
            pipeline.compute = { inputs, seed in
                var run = try RunComputation.compute(inputs, seed: seed)
                run.violations = ["slot #1 holds 3 students, capacity 2"]
                run.violationCount = 1
                return run
            }
            await #expect(throws: RunFailed.self) { try await pipeline.run(MatchRunArgs(kind: .preview, seed: 3), jobID: 5) }
            let run = try await db.pool.query("SELECT id, state, error, violations FROM match_runs")[0]
            #expect(try run.decode("state", as: String.self) == "failed")
            #expect(try run.decode("error", as: String.self).contains("capacity 2"))
            #expect(try await count(db, "SELECT count(*) FROM match_assignments") == 0)
            let templates = try await db.pool.query("SELECT DISTINCT template FROM test_outbox").map { try $0.decode("template", as: String.self) }
            #expect(templates == ["run_failed"])
            #expect(try await count(db, "SELECT count(*) FROM test_outbox") == 2)
            // The rescued job fails the same way without writing again.
            await #expect(throws: RunFailed.self) { try await pipeline.run(MatchRunArgs(kind: .preview, seed: 3), jobID: 5) }
            #expect(try await count(db, "SELECT count(*) FROM match_runs") == 1)
        }
    }

    @Test func theFinalRunPublishesFreezesAndIsNotRepeated() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            let pipeline = try await pipeline(db)
            let final = try await pipeline.run(MatchRunArgs(kind: .final, roundID: seed.round, seed: 4))
            #expect(final.state == "published")
            #expect(try await db.pool.query("SELECT state FROM rounds WHERE id = $1", [seed.round])[0].decode("state", as: String.self) == "final")
            await #expect(throws: DatabaseError.self) {
                try await db.pool.execute("DELETE FROM choices WHERE round_id = $1", [seed.round])
            }
            await #expect(throws: RunError.self) { try await pipeline.run(MatchRunArgs(kind: .final, roundID: seed.round, seed: 5)) }
            #expect(try await count(db, "SELECT count(*) FROM match_runs WHERE kind = 'final'") == 1)
        }
    }

    @Test func aDryRunWritesNothing() async throws {
        try await TestDatabase.with { db in
            _ = try await Seed.write(db.pool)
            let pipeline = try await pipeline(db)
            let summary = try await pipeline.dryRun(MatchRunArgs(kind: .manual, seed: 42))
            #expect(summary.runID == nil)
            #expect(summary.counts.assigned == 4)
            #expect(try await count(db, "SELECT count(*) FROM match_runs") == 0)
            #expect(try await count(db, "SELECT count(*) FROM test_outbox") == 0)
        }
    }

    /// `wblmatch match run` shows progress: the pipeline tells each stage as it ends.
    @Test func progressIsToldStageByStage() async throws {
        try await TestDatabase.with { db in
            _ = try await Seed.write(db.pool)
            let told = Mutex<[String]>([])
            var pipeline = try await pipeline(db)
            pipeline.progress = { line in told.withLock { $0.append(line) } }
            let summary = try await pipeline.run(MatchRunArgs(kind: .manual, seed: 5))
            let lines = told.withLock { $0 }
            #expect(lines.count == 3)
            #expect(lines.first?.hasPrefix("snapshot: 5 students, 3 slots, 10 choices") == true)
            #expect(lines.dropFirst().first?.contains("verifier passed") == true)
            #expect(lines.last?.hasPrefix("written: run #\(summary.runID!)") == true)
            #expect(lines.last?.contains("\(summary.emailsQueued) emails queued") == true)
        }
    }

    /// Explanations hang off their assignment rows (sql/0045): none without one, and deleting a run
    /// removes its assignments and explanations together.
    @Test func explanationsBelongToTheirRunsAssignments() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            let runID = try #require(try await pipeline(db).run(MatchRunArgs(kind: .manual, seed: 3)).runID)
            #expect(try await count(db, "SELECT count(*) FROM match_explanations WHERE run_id = $1", [runID]) > 0)
            let other = try await db.pool.query(
                "INSERT INTO match_runs (round_id, kind, seed, algorithm_version) SELECT round_id, 'manual', 1, 't' FROM match_runs WHERE id = $1 RETURNING id",
                [runID])[0].decode("id", as: Int64.self)
            await #expect(throws: DatabaseError.self) {
                try await db.pool.execute("""
                    INSERT INTO match_explanations (run_id, student_id, slot_id, choice_rank, outcome) VALUES ($1, $2, $3, 1, 'outranked')
                    """, [other, seed.students["Cruz"]!, seed.slots["network"]!])
            }
            _ = try await db.pool.execute("DELETE FROM match_runs WHERE id = $1", [runID])
            #expect(try await count(db, "SELECT count(*) FROM match_explanations WHERE run_id = $1", [runID]) == 0)
            #expect(try await count(db, "SELECT count(*) FROM match_assignments WHERE run_id = $1", [runID]) == 0)
        }
    }

    /// Students of a school who entered no choices take no part, but the digests count them.
    @Test func studentsWithoutChoicesAreCountedInTheEmails() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            for name in ["Fay", "Gus"] {
                _ = try await db.pool.execute("""
                    INSERT INTO students (school_id, external_id, first_name, last_name, birth_date, grade, program_of_study, transport,
                                          availability, summer_availability)
                    VALUES ($1, $2, $3, 'Peña', '2010-03-01', 11, 'manufacturing', 'family', 'Mon-Fri 15:00-19:00', 'Mon-Fri 08:00-17:00')
                    """, [seed.school, "C-\(name)", name])
            }
            let summary = try await pipeline(db).run(MatchRunArgs(kind: .manual, seed: 5))
            #expect(summary.counts.students == 5)
            let bodies = try await db.pool.query("SELECT template, body FROM test_outbox").map {
                (try $0.decode("template", as: String.self), try $0.decode("body", as: String.self))
            }
            let coordinator = try #require(bodies.first { $0.0 == "coordinator_nightly" }?.1)
            #expect(coordinator.contains("Students: 7 (5 ranked slots, 2 entered no choices)"), "\(coordinator.prefix(600))")
            let counselor = try #require(bodies.first { $0.0 == "counselor_digest" }?.1)
            #expect(counselor.contains("2 entered no choices"), "\(counselor.prefix(600))")
        }
    }

    /// The command line and the web app queue runs through one function: a final run of a round is
    /// queued once however often it is asked for, named by its round or found as the open one.
    @Test func aFinalRunIsQueuedOncePerRound() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            let first = try await MatchRunJobs.enqueue(MatchRunArgs(kind: .final), pool: db.pool)
            let again = try await MatchRunJobs.enqueue(MatchRunArgs(kind: .final, roundID: seed.round), pool: db.pool)
            #expect(first.inserted && !again.inserted && again.id == first.id)
            let manual1 = try await MatchRunJobs.enqueue(MatchRunArgs(kind: .manual), pool: db.pool)
            let manual2 = try await MatchRunJobs.enqueue(MatchRunArgs(kind: .manual), pool: db.pool)
            #expect(manual1.inserted && manual2.inserted && manual1.id != manual2.id)
            #expect(try await count(db, "SELECT count(*) FROM jobs WHERE kind = 'match.run'") == 3)
            let args = try await db.pool.query("SELECT args::text FROM jobs WHERE id = $1", [first.id])[0].decode(0, as: String.self)
            #expect(args.contains("\(seed.round)"), "the final run's job names its round: \(args)")
        }
    }

    /// sql/0047 checks run results' references per statement instead of per row: the same rules.
    @Test func runResultsNameOnlyRowsThatExistAndKeepThem() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            let runID = try #require(try await pipeline(db).run(MatchRunArgs(kind: .manual, seed: 5)).runID)
            func refused(_ sql: String, _ binds: [any SQLEncodable], saying words: String) async {
                do {
                    _ = try await db.pool.execute(sql, binds)
                    Issue.record("accepted: \(sql)")
                } catch let error as DatabaseError {
                    #expect(error.message.contains(words), "\(error.message)")
                } catch { Issue.record("\(error)") }
            }
            // A student, slot or run that does not exist.
            let assign = "INSERT INTO match_assignments (run_id, student_id, slot_id, choice_rank, status) VALUES ($1, $2, $3, 1, 'matched')"
            await refused(assign, [runID, Int64(999_999), seed.slots["network"]!], saying: "does not exist")
            await refused(assign, [Int64(999_999), seed.students["Ana"]!, seed.slots["network"]!], saying: "does not exist")
            let other = try await db.pool.query(
                "INSERT INTO match_runs (round_id, kind, seed, algorithm_version) SELECT round_id, 'manual', 1, 't' FROM match_runs WHERE id = $1 RETURNING id",
                [runID])[0].decode("id", as: Int64.self)
            await refused(assign, [other, seed.students["Ana"]!, Int64(999_999)], saying: "does not exist")
            _ = try await db.pool.execute("INSERT INTO match_assignments (run_id, student_id) VALUES ($1, $2)", [other, seed.students["Ana"]!])
            await refused("INSERT INTO match_explanations (run_id, student_id, slot_id, choice_rank, outcome) VALUES ($1, $2, $3, 1, 'outranked')",
                          [other, seed.students["Ana"]!, Int64(999_999)], saying: "slot 999999")
            // Results are a record.
            await refused("UPDATE match_assignments SET kept = true WHERE run_id = $1", [runID], saying: "not updated")
            await refused("UPDATE match_explanations SET message = 'x' WHERE run_id = $1", [runID], saying: "not updated")
            // A student or slot the results name stays (its choices gone, only the results hold it).
            let dee = seed.students["Dee"]!
            _ = try await db.pool.execute("DELETE FROM choices WHERE student_id = $1", [dee])
            await refused("DELETE FROM students WHERE id = $1", [dee], saying: "student \(dee) is named by match run results")
            #expect(try await count(db, "SELECT count(*) FROM students WHERE id = $1", [dee]) == 1)
            // Deleting an assignment takes its explanations with it.
            let before = try await count(db, "SELECT count(*) FROM match_explanations WHERE run_id = $1", [runID])
            let explained = try await db.pool.query("SELECT student_id FROM match_explanations WHERE run_id = $1 LIMIT 1", [runID])[0]
                .decode("student_id", as: Int64.self)
            let own = try await count(db, "SELECT count(*) FROM match_explanations WHERE run_id = $1 AND student_id = $2", [runID, explained])
            _ = try await db.pool.execute("DELETE FROM match_assignments WHERE run_id = $1 AND student_id = $2", [runID, explained])
            #expect(try await count(db, "SELECT count(*) FROM match_explanations WHERE run_id = $1", [runID]) == before - own)
        }
    }

    /// A deletion waits for a run being written that names the row, then refuses: a run never commits
    /// results naming a student deleted meanwhile.
    @Test func aDeletionWaitsForTheRunBeingWrittenThenRefuses() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            let runID = try #require(try await pipeline(db).run(MatchRunArgs(kind: .manual, seed: 5)).runID)
            let newcomer = try await db.pool.query("""
                INSERT INTO students (school_id, external_id, first_name, last_name, birth_date, grade, program_of_study, transport,
                                      availability, summer_availability)
                VALUES ($1, 'C-New', 'Noa', 'Peña', '2010-03-01', 11, 'manufacturing', 'family', 'Mon-Fri 15:00-19:00', 'Mon-Fri 08:00-17:00')
                RETURNING id
                """, [seed.school])[0].decode("id", as: Int64.self)
            final class Flag: Sendable { let raised = Mutex(false) }
            let finished = Flag()
            var deletion: Task<Void, any Error>?
            try await db.pool.withTransaction { conn in
                let run = try await conn.query(
                    "INSERT INTO match_runs (round_id, kind, seed, algorithm_version) SELECT round_id, 'manual', 1, 't' FROM match_runs WHERE id = $1 RETURNING id",
                    [runID])[0].decode("id", as: Int64.self)
                _ = try await conn.execute("INSERT INTO match_assignments (run_id, student_id) VALUES ($1, $2)", [run, newcomer])
                deletion = Task {
                    defer { finished.raised.withLock { $0 = true } }
                    _ = try await db.pool.execute("DELETE FROM students WHERE id = $1", [newcomer])
                }
                try await Task.sleep(for: .milliseconds(500))
                #expect(finished.raised.withLock { $0 } == false, "the deletion did not wait for the run being written")
            }
            await #expect(throws: DatabaseError.self) { try await deletion!.value }
            #expect(try await count(db, "SELECT count(*) FROM students WHERE id = $1", [newcomer]) == 1)
            // Once no results name her, she can go.
            _ = try await db.pool.execute("DELETE FROM match_runs WHERE id > $1", [runID])
            _ = try await db.pool.execute("DELETE FROM students WHERE id = $1", [newcomer])
            #expect(try await count(db, "SELECT count(*) FROM students WHERE id = $1", [newcomer]) == 0)
        }
    }

    @Test func showMasksConfidentialWordingForUnentitledReaders() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            let pipeline = try await pipeline(db)
            let ran = try await pipeline.run(MatchRunArgs(kind: .manual, seed: 8))
            let runID = try #require(ran.runID)
            let reader = MatchRunReader(pool: db.pool)
            let masked = try await reader.student(runID: runID, studentID: seed.students["Cruz"]!, juvenileEntitled: false)
            #expect(masked.status == "matched")
            #expect(masked.explanations.first?.reasonCodes == ["not_available"])
            let full = try await reader.student(runID: runID, studentID: seed.students["Cruz"]!, juvenileEntitled: true)
            #expect(full.status == "pending_approval")
            #expect(full.explanations.first?.reasonCodes == ["court_restriction"])
            let summary = try await reader.summary(runID: runID)
            #expect(summary.seed == "8")
            #expect(summary.counts.assigned == 4)
            // `match show` reports the emails the run queued, as `match run` printed them.
            #expect(ran.emailsQueued > 0)
            #expect(summary.emailsQueued == ran.emailsQueued)
            #expect(try await count(db, "SELECT count(*) FROM test_outbox") == ran.emailsQueued)
        }
    }
}

/// The run's emails through the `Mail` outbox, as `wblmatch` wires it.
@Suite struct OutboxRunMailerTests {
    @Test func aRunQueuesRenderedMessagesInTheOutbox() async throws {
        try await TestDatabase.with { db in
            _ = try await Seed.write(db.pool)
            let outbox = Outbox(from: EmailAddress("wblmatch@region1.example", name: "WBLMatch"))
            let mailer = OutboxRunMailer(outbox: outbox)
            let pipeline = MatchRunPipeline(pool: db.pool, renderer: ReportRenderer(templates: try await ReportTemplates.bundled()),
                                            mailer: mailer, publicURL: "https://wbl.example.org")
            let summary = try await pipeline.run(MatchRunArgs(kind: .manual, seed: 2))
            #expect(summary.emailsQueued == 5)
            let rows = try await db.pool.query("SELECT recipients, message FROM outbox_email ORDER BY id")
            #expect(rows.count == 5)
            let coordinator = try #require(try rows.first { try $0.decode("recipients", as: [String].self) == ["casey@example.org"] })
            let bytes = try coordinator.decode("message", as: [UInt8].self)
            #expect(String(decoding: bytes, as: UTF8.self).contains("run-\(summary.runID!)-assignments.csv"))
        }
    }
}
