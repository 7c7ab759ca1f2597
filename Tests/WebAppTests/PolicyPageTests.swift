import Database
import Hummingbird
import Testing
import WebApp

/// The coordinators' policy page: the policy in force, validated edits that name the field,
/// versions audited; round settings validated and audited; a final round read-only.
@Suite("Policy page")
struct PolicyPageTests {
    static func policyCount(_ pool: DatabasePool) async throws -> Int64 {
        try await pool.query("SELECT count(*)::int8 AS n FROM policies")[0].decode("n", as: Int64.self)
    }

    @Test func showsTheBuiltInDefaultThenSavesAValidatedVersion() async throws {
        try await WebFixture.with { seed, pool, client in
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["coordinator"]!)
            let page = try await browser.get("/policy")
            #expect(page.status == .ok)
            #expect(page.body.contains("No policy version has been saved"))
            #expect(page.body.contains("&quot;minimum_age&quot; : 14") || page.body.contains("\"minimum_age\" : 14"))
            #expect(page.body.contains("Spring 2027"))

            // A wrong type and a broken JSON document: each problem names its JSON path; nothing saved.
            let typed = try await browser.post("/policy", [("policy", #"{"minimum_age": "fourteen"}"#), ("comment", "x")])
            #expect(typed.status == .unprocessableContent)
            #expect(typed.body.contains("<strong>minimum_age</strong>"))
            #expect(typed.body.contains("fourteen"))   // what was typed stays in the editor
            let broken = try await browser.post("/policy", [("policy", "{not json"), ("comment", "")])
            #expect(broken.status == .unprocessableContent)
            #expect(try await Self.policyCount(pool) == 0)

            // A valid change (minimum age 15) becomes version 1, audited as the coordinator.
            guard let start = page.body.range(of: "name=\"policy\""), let open = page.body[start.upperBound...].range(of: ">"),
                  let close = page.body[open.upperBound...].range(of: "</textarea>") else {
                Issue.record("no policy editor on the page"); return
            }
            let shown = String(page.body[open.upperBound..<close.lowerBound])
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            let edited = shown.replacingOccurrences(of: "\"minimum_age\" : 14", with: "\"minimum_age\" : 15")
            #expect(edited != shown)
            let saved = try await browser.post("/policy", [("policy", edited), ("comment", "Board decision of March")])
            #expect(saved.status == .seeOther)
            let rows = try await pool.query("SELECT version, (policy->>'minimum_age')::int AS age, comment, created_by FROM policies")
            #expect(rows.count == 1)
            #expect(try rows[0].decode("version", as: Int.self) == 1)
            #expect(try rows[0].decode("age", as: Int.self) == 15)
            #expect(try rows[0].decode("created_by", as: Int64.self) == seed.userIDs["coordinator"]!)
            let audit = try await pool.query("SELECT actor FROM audit_log WHERE entity = 'policies' AND action = 'insert'")
            #expect(try audit.map { try $0.decode("actor", as: String.self) } == [Seed.emails["coordinator"]!])
            let after = try await browser.get("/policy")
            #expect(after.body.contains("Version <strong>1</strong>"))
            #expect(after.body.contains("Board decision of March"))
            #expect(after.body.contains("&quot;minimum_age&quot; : 15") || after.body.contains("\"minimum_age\" : 15"))
        }
    }

    @Test func roundSettingsAreValidatedAuditedAndFrozenWhenFinal() async throws {
        try await WebFixture.with { seed, pool, client in
            _ = try await pool.execute("""
                INSERT INTO choices (round_id, student_id, rank, slot_id) VALUES ($1, $2, 1, $3), ($1, $2, 2, $4)
                """, [seed.roundID, seed.clovisStudents[0], seed.clovisSlots[0], seed.clovisSlots[1]])
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["coordinator"]!)
            _ = try await browser.get("/policy")
            let path = "/policy/rounds/\(seed.roundID)"
            let bad = try await browser.post(path, [("max_choices", "ten"), ("choice_deadline", "2027-02-30 17:00")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("<strong>Max choices</strong>: &#39;ten&#39;") || bad.body.contains("<strong>Max choices</strong>: 'ten'"))
            #expect(bad.body.contains("<strong>Choice deadline</strong>"))
            let tooFew = try await browser.post(path, [("max_choices", "1"), ("choice_deadline", "")])
            #expect(tooFew.status == .unprocessableContent)
            #expect(tooFew.body.contains("a student already lists 2 choices"))
            var rows = try await pool.query("SELECT max_choices, choice_deadline IS NULL AS none FROM rounds WHERE id = $1", [seed.roundID])
            #expect(try rows[0].decode("max_choices", as: Int.self) == 3)

            let ok = try await browser.post(path, [("max_choices", "5"), ("choice_deadline", "2027-02-01T17:00")])
            #expect(ok.status == .seeOther)
            rows = try await pool.query("""
                SELECT max_choices, to_char(choice_deadline AT TIME ZONE 'America/Denver', 'YYYY-MM-DD HH24:MI') AS deadline FROM rounds WHERE id = $1
                """, [seed.roundID])
            #expect(try rows[0].decode("max_choices", as: Int.self) == 5)
            #expect(try rows[0].decode("deadline", as: String.self) == "2027-02-01 17:00")
            let audit = try await pool.query("""
                SELECT actor, (detail->'before'->>'max_choices')::int AS before, (detail->'after'->>'max_choices')::int AS after
                FROM audit_log WHERE entity = 'rounds' AND entity_id = $1 AND action = 'update'
                """, [String(seed.roundID)])
            #expect(audit.count == 1)
            #expect(try audit[0].decode("actor", as: String.self) == Seed.emails["coordinator"]!)
            #expect(try audit[0].decode("before", as: Int.self) == 3)
            #expect(try audit[0].decode("after", as: Int.self) == 5)
            #expect(try await browser.get("/policy").body.contains("value=\"2027-02-01 17:00\""))

            _ = try await pool.execute("UPDATE rounds SET state = 'final' WHERE id = $1", [seed.roundID])
            let page = try await browser.get("/policy")
            #expect(!page.body.contains("action=\"\(path)\""))
            let frozen = try await browser.post(path, [("max_choices", "7"), ("choice_deadline", "")])
            #expect(frozen.status == .unprocessableContent)
            #expect(frozen.body.contains("this round is final"))
            rows = try await pool.query("SELECT max_choices FROM rounds WHERE id = $1", [seed.roundID])
            #expect(try rows[0].decode("max_choices", as: Int.self) == 5)
            #expect(try await browser.post("/policy/rounds/999999", [("max_choices", "7"), ("choice_deadline", "")]).status == .notFound)
        }
    }

    @Test func onlyCoordinatorsReachThePolicy() async throws {
        try await WebFixture.with { seed, pool, client in
            for role in ["counselor", "edc_staff", "case_worker", "employer"] {
                var browser = Browser(client)
                _ = try await browser.signIn(Seed.emails[role]!)
                _ = try await browser.get("/")
                #expect(try await browser.get("/policy").status == .forbidden, "\(role)")
                #expect(try await browser.post("/policy", [("policy", "{}")]).status == .forbidden, "\(role)")
                #expect(try await browser.post("/policy/rounds/\(seed.roundID)", [("max_choices", "9")]).status == .forbidden, "\(role)")
            }
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(Seed.emails["coordinator"]!)
            _ = try await coordinator.get("/policy")
            #expect(try await coordinator.post("/policy/rounds/\(seed.roundID)", [("max_choices", "9")], csrf: false).status == .forbidden)
            #expect(try await Self.policyCount(pool) == 0)
            let rows = try await pool.query("SELECT max_choices FROM rounds WHERE id = $1", [seed.roundID])
            #expect(try rows[0].decode("max_choices", as: Int.self) == 3)
        }
    }
}
