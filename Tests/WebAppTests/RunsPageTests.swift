import Database
import Hummingbird
import Mail
import MatchRuns
import Reports
import Testing
import WebApp

@Suite("Match runs pages")
struct RunsPageTests {
    @Test func coordinatorQueuesARunAndReadsAStudentsExplanation() async throws {
        try await WebFixture.with { seed, pool, client in
            let maria = seed.clovisStudents[0]
            // Maria lists a slot she is not eligible for first (it needs OSHA-10), then one she is.
            _ = try await pool.execute("UPDATE slots SET certifications = '{osha10}' WHERE id = $1", [seed.clovisSlots[2]])
            _ = try await pool.execute("INSERT INTO choices (round_id, student_id, rank, slot_id) VALUES ($1, $2, 1, $3), ($1, $2, 2, $4)",
                                       [seed.roundID, maria, seed.clovisSlots[2], seed.clovisSlots[0]])
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["coordinator"]!)
            _ = try await browser.get("/runs")
            let queued = try await browser.post("/runs", [("kind", "manual")])
            #expect(queued.status == .seeOther)
            let jobs = try await pool.query("SELECT count(*)::int8 AS n FROM jobs WHERE kind = 'match.run'")
            #expect(try jobs[0].decode("n", as: Int64.self) == 1)
            let waiting = try await browser.get("/runs")
            #expect(waiting.body.contains("(manual run) is available"))

            // What a worker does with the job:
            let outbox = Outbox(renderer: MessageRenderer(defaultFrom: EmailAddress("wblmatch@test.example")))
            let mailer = OutboxRunMailer(outbox: outbox)
            let pipeline = MatchRunPipeline(pool: pool, renderer: ReportRenderer(templates: try await ReportTemplates.bundled()),
                                            mailer: mailer, publicURL: "http://127.0.0.1")
            let summary = try await pipeline.run(MatchRunArgs(kind: .manual, roundID: seed.roundID))
            let runID = try #require(summary.runID)
            let list = try await browser.get("/runs")
            #expect(list.body.contains("/runs/\(runID)"))
            let result = try await browser.get("/runs/\(runID)/students/\(maria)")
            #expect(result.status == .ok)
            #expect(result.body.contains("Placed at <strong>Dairy herd assistant</strong>"))
            #expect(result.body.contains("Not eligible"))
            #expect(try await browser.get("/runs/\(runID)/students/999999").status == .notFound)
            #expect(try await browser.get("/runs/\(runID)/diff").status == .ok)
        }
    }

    @Test func finalRunNeedsConfirmation() async throws {
        try await WebFixture.with { _, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["coordinator"]!)
            _ = try await browser.get("/runs")
            #expect(try await browser.post("/runs", [("kind", "final")]).status == .seeOther)
            let none = try await pool.query("SELECT count(*)::int8 AS n FROM jobs WHERE kind = 'match.run'")
            #expect(try none[0].decode("n", as: Int64.self) == 0)
            #expect(try await browser.post("/runs", [("kind", "final"), ("confirm", "1")]).status == .seeOther)
            #expect(try await browser.post("/runs", [("kind", "final"), ("confirm", "1")]).status == .seeOther)
            let one = try await pool.query("SELECT count(*)::int8 AS n FROM jobs WHERE kind = 'match.run'")
            #expect(try one[0].decode("n", as: Int64.self) == 1, "pressing twice queues one final run")
        }
    }
}
