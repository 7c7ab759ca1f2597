import Database
import Foundation
import Mail
import Reports
import Store
import Testing
import TestSupport
@testable import MatchRuns

/// Publishing a final run tells every family, once, in its own language, and nothing confidential.
@Suite struct GuardianNoticesOnPublishTests {
    /// Guardians on file: Ana (en), Ben (es), Cruz (en, referred, placed in the reserved seat),
    /// Eli (es, no consent: unmatched). Dee has no guardian email.
    static func guardians(_ db: TestDatabase, _ seed: Seed) async throws {
        let set = "UPDATE students SET guardian_name = $2, guardian_email = $3, guardian_language = $4 WHERE id = $1"
        for (name, guardian, lang) in [("Ana", "Alma Peña", "en"), ("Ben", "Beto Peña", "es"), ("Cruz", "Carmen Peña", "en"), ("Eli", "", "es")] {
            try await db.pool.execute(set, [seed.students[name]!, guardian, "\(name.lowercased())-family@example.com", lang])
        }
        // Cruz's placement needs no approval here, so her family is told at once.
        try await db.pool.execute("UPDATE referral_restrictions SET caseworker_approval_required = false")
        try await db.pool.execute("UPDATE slots SET contact_name = 'Sam Steel', contact_email = 'sam@steel.example' WHERE id = $1", [seed.slots["network"]!])
    }

    static func pipeline(_ db: TestDatabase) async throws -> MatchRunPipeline {
        let outbox = Outbox(from: EmailAddress("wblmatch@region1.example", name: "WBLMatch"))
        let mailer = OutboxRunMailer(outbox: outbox)
        return MatchRunPipeline(pool: db.pool, renderer: ReportRenderer(templates: try await ReportTemplates.bundled()),
                                mailer: mailer, publicURL: "https://wbl.example.org")
    }

    struct Mail { var to: String; var subject: String; var body: String }

    /// The guardians' emails in the outbox, bodies decoded from quoted-printable.
    static func guardianMail(_ db: TestDatabase) async throws -> [Mail] {
        try await db.pool.query("""
            SELECT recipients[1] AS r, subject, message FROM outbox_email WHERE recipients[1] LIKE '%-family@example.com' ORDER BY id
            """).map { row in
            Mail(to: try row.decode("r"), subject: try row.decode("subject"), body: decodeQP(try row.decode("message", as: [UInt8].self)))
        }
    }

    static func decodeQP(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        func hex(_ b: UInt8) -> UInt8? { UInt8(String(UnicodeScalar(b)), radix: 16) }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "="), i + 2 < bytes.count {
                if bytes[i + 1] == 13 && bytes[i + 2] == 10 { i += 3; continue }
                if let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) { out.append(h << 4 | l); i += 3; continue }
            }
            out.append(bytes[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func publishingAFinalRunQueuesOneNoticePerGuardianInTheirLanguageInTheSameTransaction() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            try await Self.guardians(db, seed)
            let pipeline = try await Self.pipeline(db)
            let summary = try await pipeline.run(MatchRunArgs(kind: .final, seed: 42))
            let runID = try #require(summary.runID)
            #expect(summary.state == "published")

            let placed = try await db.pool.query("SELECT student_id, slot_id, reserved_seat FROM match_assignments WHERE run_id = $1", [runID])
            var slotOf: [Int64: Int64?] = [:]
            for row in placed { slotOf[try row.decode("student_id")] = try row.decode("slot_id", as: Int64?.self) }
            #expect(slotOf[seed.students["Cruz"]!] == seed.slots["network"], "Cruz holds the reserved seat")
            #expect(slotOf[seed.students["Eli"]!] == .some(nil), "Eli (no consent) is unmatched")

            let mails = try await Self.guardianMail(db)
            // One per guardian on file, none for Dee (no guardian email).
            #expect(mails.map(\.to).sorted() == ["ana-family@example.com", "ben-family@example.com", "cruz-family@example.com", "eli-family@example.com"])
            let notices = try await db.pool.query("SELECT student_id, kind FROM guardian_notices WHERE run_id = $1", [runID])
            #expect(notices.count == 4)
            for row in notices {
                let student: Int64 = try row.decode("student_id")
                #expect(try row.decode("kind", as: String.self) == ((slotOf[student] ?? nil) == nil ? "second_round" : "placed"))
            }
            func mail(_ name: String) throws -> Mail { try #require(mails.first { $0.to == "\(name.lowercased())-family@example.com" }) }
            let ana = try mail("Ana"), ben = try mail("Ben"), cruz = try mail("Cruz"), eli = try mail("Eli")
            #expect(ana.subject == "Ana has a work-based-learning placement")
            #expect(ana.body.contains("Dear Alma Peña,") && ana.body.contains("Employer: Portales Tech") && ana.body.contains("Starts: 2027-02-01"))
            #expect(ben.subject == "Ben tiene una práctica laboral")
            #expect(ben.body.contains("Estimado/a Beto Peña:") && ben.body.contains("Empleador: Portales Tech") && ben.body.contains("en línea"))
            #expect(eli.subject == "Segunda ronda de prácticas laborales para Eli")
            #expect(eli.body.contains("Estimado/a familia:") && eli.body.contains("segunda ronda"))
            #expect(cruz.body.contains("Placement: Network helper") && cruz.body.contains("Contact: Sam Steel <sam@steel.example>"))
            for word in ["referr", "juvenile", "court", "restrict", "reserved", "second-chance", "case worker", "approval", "excluded", "curfew"] {
                #expect(!cruz.body.lowercased().contains(word) && !cruz.subject.lowercased().contains(word), "Cruz's notice says \(word)")
            }
            // Placements begin their lifecycle with the publish.
            #expect(try await db.pool.query("SELECT count(*)::int AS n FROM placements WHERE run_id = $1", [runID])[0].decode("n", as: Int.self)
                    == slotOf.values.filter { $0 != nil }.count)

            // The coordinator's re-send, and a second final run, queue nothing more.
            let queue = GuardianNoticeQueue(renderer: pipeline.renderer, mailer: pipeline.mailer)
            #expect(try await queue.queue(runID: runID, pool: db.pool, actor: .system) == 0)
            await #expect(throws: RunError.self) { try await pipeline.run(MatchRunArgs(kind: .final, seed: 42)) }
            #expect(try await Self.guardianMail(db).count == 4)
        }
    }

    @Test func aPlacementAwaitingApprovalIsToldOnlyOnTheResendAfterApprovalAndPreviewRunsTellNobody() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            try await Self.guardians(db, seed)
            try await db.pool.execute("UPDATE referral_restrictions SET caseworker_approval_required = true")
            let pipeline = try await Self.pipeline(db)
            _ = try await pipeline.run(MatchRunArgs(kind: .manual, seed: 42))
            #expect(try await Self.guardianMail(db).isEmpty, "a trial run tells no family")
            let runID = try #require(try await pipeline.run(MatchRunArgs(kind: .final, seed: 42)).runID)
            #expect(try await Self.guardianMail(db).map(\.to).sorted() == ["ana-family@example.com", "ben-family@example.com", "eli-family@example.com"])
            // The case worker approves; the re-send tells Cruz's family, once.
            let placement: Int64 = try await db.pool.query("SELECT id FROM placements WHERE run_id = $1 AND student_id = $2",
                                                           [runID, seed.students["Cruz"]!])[0].decode("id")
            try await PlacementLifecycle(pool: db.pool).accept(placement, on: CalendarDate(year: 2027, month: 1, day: 20),
                                                               by: AuditActor(userID: seed.caseWorker, name: "dana@jjs.example"))
            let queue = GuardianNoticeQueue(renderer: pipeline.renderer, mailer: pipeline.mailer)
            #expect(try await queue.queue(runID: runID, pool: db.pool, actor: .system) == 1)
            #expect(try await queue.queue(runID: runID, pool: db.pool, actor: .system) == 0)
            #expect(try await Self.guardianMail(db).count == 4)
        }
    }

    @Test func concurrentResendsQueueEachNoticeOnce() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            try await Self.guardians(db, seed)
            let pipeline = try await Self.pipeline(db)
            let runID = try #require(try await pipeline.run(MatchRunArgs(kind: .final, seed: 7)).runID)
            // Forget the notices (as if a guardian email were added after the publish), then re-send from two tasks at once.
            try await db.pool.execute("DELETE FROM guardian_notices")
            let queue = GuardianNoticeQueue(renderer: pipeline.renderer, mailer: pipeline.mailer)
            async let a = queue.queue(runID: runID, pool: db.pool, actor: .system)
            async let b = queue.queue(runID: runID, pool: db.pool, actor: .system)
            let (x, y) = try await (a, b)
            #expect(x + y == 4 && min(x, y) == 0)
            #expect(try await db.pool.query("SELECT count(*)::int AS n FROM guardian_notices")[0].decode("n", as: Int.self) == 4)
        }
    }
}
