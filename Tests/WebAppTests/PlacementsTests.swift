import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Testing
import WebApp

/// The placement pages and `/api/v1/placements`: scope, roles, stage rules, audit.
@Suite("Placement lifecycle pages and API")
struct PlacementsTests {
    struct Placements { var maria: Int64; var juan: Int64; var ava: Int64 }

    /// A published final run: Maria and Juan (Clovis HS) in Clovis EDC slots; Ava (Portales HS, referred)
    /// in the Portales EDC's slot, awaiting the case worker's approval.
    static func publish(_ seed: Seed, _ pool: DatabasePool) async throws -> Placements {
        let (maria, juan, ava) = (seed.clovisStudents[0], seed.clovisStudents[1], seed.portalesStudent)
        try await pool.execute("INSERT INTO referrals (student_id, juvenile_services_id, referred_by, referred_on) VALUES ($1, $2, $3, '2026-10-01')",
                               [ava, seed.juvenile, seed.userIDs["case_worker"]!])
        let run = try await pool.query("""
            INSERT INTO match_runs (round_id, kind, state, seed, algorithm_version, verified, finished_at, published_at)
            VALUES ($1, 'final', 'published', 1, 't', true, now(), now()) RETURNING id
            """, [seed.roundID])[0].decode("id", as: Int64.self)
        try await pool.execute("""
            INSERT INTO match_assignments (run_id, student_id, slot_id, choice_rank, status, reserved_seat) VALUES
            ($1, $2, $4, 1, 'matched', false), ($1, $3, $5, 1, 'matched', false), ($1, $6, $7, 1, 'pending_approval', true)
            """, [run, maria, juan, seed.clovisSlots[0], seed.clovisSlots[1], ava, seed.portalesSlot])
        #expect(try await PlacementLifecycle(pool: pool).createPlacements(fromPublishedRun: run) == 3)
        func id(_ student: Int64) async throws -> Int64 {
            try await pool.query("SELECT id FROM placements WHERE student_id = $1", [student])[0].decode("id")
        }
        return Placements(maria: try await id(maria), juan: try await id(juan), ava: try await id(ava))
    }

    static func status(_ pool: DatabasePool, _ id: Int64) async throws -> String {
        try await pool.query("SELECT status FROM placements WHERE id = $1", [id])[0].decode("status")
    }

    static func entries(_ pool: DatabasePool, _ entity: String, actor: String) async throws -> Int {
        try await pool.query("SELECT count(*)::int AS n FROM audit_log WHERE entity = $1 AND actor = $2", [entity, actor])[0].decode("n")
    }

    @Test func aCounselorRecordsEachStageAndHoursOfHerSchoolsPlacementsAudited() async throws {
        try await WebFixture.with { seed, pool, client in
            let p = try await Self.publish(seed, pool)
            let email = Seed.emails["counselor"]!
            var counselor = Browser(client)
            _ = try await counselor.signIn(email)
            let list = try await counselor.get("/placements")
            #expect(list.status == .ok && list.body.contains("Maria Pena") && list.body.contains("Juan Baca") && !list.body.contains("Ava"))
            #expect(try await counselor.get("/placements/\(p.ava)").status == .notFound, "another school's placement")

            let page = try await counselor.get("/placements/\(p.maria)")
            #expect(page.status == .ok && page.body.contains("Dairy herd assistant") && page.body.contains(">matched<"))
            // Out of order: refused with a clear message, nothing changed, nothing audited.
            #expect(try await counselor.post("/placements/\(p.maria)/transition", [("action", "start"), ("on", "2027-01-18")]).status == .seeOther)
            #expect(try await counselor.get("/placements/\(p.maria)").body.contains("Not saved: A placement that is matched cannot be started: accept it first."))
            #expect(try await Self.status(pool, p.maria) == "matched")
            #expect(try await Self.entries(pool, "placements", actor: email) == 0)
            // Without the CSRF token nothing happens.
            #expect(try await counselor.post("/placements/\(p.maria)/transition", [("action", "accept")], csrf: false).status == .forbidden)
            #expect(try await Self.status(pool, p.maria) == "matched")

            for (action, on) in [("accept", "2027-01-10"), ("start", "2027-01-18")] {
                #expect(try await counselor.post("/placements/\(p.maria)/transition", [("action", action), ("on", on)]).status == .seeOther)
            }
            _ = try await counselor.get("/placements/\(p.maria)")
            #expect(try await counselor.post("/placements/\(p.maria)/hours", [("worked_on", "2027-01-18"), ("hours", "2.5")]).status == .seeOther)
            #expect(try await counselor.get("/placements/\(p.maria)").body.contains("Logged 2 h 30 min on 2027-01-18; 2 h 30 min in all."))
            _ = try await counselor.post("/placements/\(p.maria)/hours", [("worked_on", "2027-01-19"), ("hours", "30")])
            #expect(try await counselor.get("/placements/\(p.maria)").body.contains("Not saved: hours: 30 hours is not a day of work: give between 0.25 and 24"))
            #expect(try await pool.query("SELECT count(*)::int AS n FROM placement_hours")[0].decode("n", as: Int.self) == 1)
            _ = try await counselor.post("/placements/\(p.maria)/transition", [("action", "complete"), ("on", "2027-01-01")])
            #expect(try await counselor.get("/placements/\(p.maria)").body.contains("cannot be completed before it started (2027-01-18)"))
            _ = try await counselor.post("/placements/\(p.maria)/transition", [("action", "complete"), ("on", "2027-04-30")])
            let done = try await pool.query("SELECT status, accepted_on::text AS a, started_on::text AS s, completed_on::text AS c FROM placements WHERE id = $1", [p.maria])[0]
            #expect(try done.decode("status", as: String.self) == "completed")
            #expect(try done.decode("a", as: String.self) == "2027-01-10" && done.decode("s", as: String.self) == "2027-01-18"
                    && done.decode("c", as: String.self) == "2027-04-30")
            // Exactly one audit entry per recorded change, as the counselor.
            #expect(try await Self.entries(pool, "placements", actor: email) == 3)
            #expect(try await Self.entries(pool, "placement_hours", actor: email) == 1)

            // Withdrawing needs a reason.
            _ = try await counselor.post("/placements/\(p.juan)/transition", [("action", "withdraw"), ("reason", "  ")])
            #expect(try await counselor.get("/placements/\(p.juan)").body.contains("Not saved: reason: say why the placement was withdrawn"))
            _ = try await counselor.post("/placements/\(p.juan)/transition", [("action", "withdraw"), ("on", "2027-01-12"), ("reason", "moved to Texas")])
            #expect(try await counselor.get("/placements/\(p.juan)").body.contains("2027-01-12: moved to Texas"))
            #expect(try await Self.status(pool, p.juan) == "withdrawn")
            _ = try await counselor.post("/placements/\(p.juan)/transition", [("action", "accept")])
            #expect(try await counselor.get("/placements/\(p.juan)").body.contains("A placement that is withdrawn cannot be accepted: it is closed."))
        }
    }

    @Test func edcStaffConfirmTheStartAndLogHoursOfTheirSlotsPlacementsOnly() async throws {
        try await WebFixture.with { seed, pool, client in
            let p = try await Self.publish(seed, pool)
            try await PlacementLifecycle(pool: pool).accept(p.maria, on: CalendarDate(year: 2027, month: 1, day: 10), by: .system)
            var edc = Browser(client)
            _ = try await edc.signIn(Seed.emails["edc_staff"]!)
            let list = try await edc.get("/placements")
            #expect(list.body.contains("Maria Pena") && !list.body.contains("Ava"))
            #expect(try await edc.get("/placements/\(p.ava)").status == .notFound, "another EDC's slot")
            let page = try await edc.get("/placements/\(p.juan)")
            #expect(!page.body.contains("value=\"accept\""), "no accept form for an EDC")
            #expect(try await edc.post("/placements/\(p.juan)/transition", [("action", "accept")]).status == .forbidden)
            #expect(try await Self.status(pool, p.juan) == "matched")
            _ = try await edc.get("/placements/\(p.maria)")
            #expect(try await edc.post("/placements/\(p.maria)/transition", [("action", "start"), ("on", "2027-01-18")]).status == .seeOther)
            #expect(try await edc.post("/placements/\(p.maria)/hours", [("worked_on", "2027-01-18"), ("hours", "3")]).status == .seeOther)
            #expect(try await Self.status(pool, p.maria) == "started")
            #expect(try await Self.entries(pool, "placements", actor: Seed.emails["edc_staff"]!) == 1)
            #expect(try await Self.entries(pool, "placement_hours", actor: Seed.emails["edc_staff"]!) == 1)

            var otherEDC = Browser(client)
            _ = try await otherEDC.signIn(Seed.emails["edc2"]!)
            #expect(try await otherEDC.get("/placements/\(p.maria)").status == .notFound)
            var caseWorker = Browser(client)
            _ = try await caseWorker.signIn(Seed.emails["case_worker"]!)
            #expect(try await caseWorker.get("/placements").status == .forbidden)
        }
    }

    @Test func aPlacementAwaitingApprovalReadsMatchedToThoseNotEntitled() async throws {
        try await WebFixture.with { seed, pool, client in
            let p = try await Self.publish(seed, pool)
            var counselor = Browser(client)
            _ = try await counselor.signIn(Seed.emails["counselor2"]!)
            let page = try await counselor.get("/placements/\(p.ava)")
            #expect(page.body.contains(">matched<") && !page.body.contains("pending") && !page.body.contains("approval"))
            _ = try await counselor.post("/placements/\(p.ava)/transition", [("action", "accept")])
            let after = try await counselor.get("/placements/\(p.ava)")
            #expect(after.body.contains("cannot be accepted yet") && !after.body.contains("pending") && !after.body.contains("case worker"))
            #expect(try await Self.status(pool, p.ava) == "pending_approval")

            try await pool.execute("UPDATE users SET can_view_juvenile = true WHERE id = $1", [seed.userIDs["coordinator"]!])
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(Seed.emails["coordinator"]!)
            #expect(try await coordinator.get("/placements/\(p.ava)").body.contains(">pending_approval<"))
            _ = try await coordinator.post("/placements/\(p.ava)/transition", [("action", "accept"), ("on", "2027-01-11")])
            #expect(try await Self.status(pool, p.ava) == "accepted")
        }
    }

    @Test func theAPIAppliesTheSameScopeRulesAndErrors() async throws {
        try await WebFixture.with { seed, pool, client in
            let p = try await Self.publish(seed, pool)
            let counselor = try await APITests.token(pool, seed.userIDs["counselor"]!)
            func call(_ uri: String, _ method: HTTPRequest.Method = .get, _ body: String? = nil, _ headers: HTTPFields) async throws -> (HTTPResponse.Status, String) {
                let r = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
                return (r.status, String(buffer: r.body))
            }
            let list = try await call("/api/v1/placements", .get, nil, counselor)
            #expect(list.0 == .ok && list.1.contains("\"Maria Pena\"") && list.1.contains("\"Juan Baca\"") && !list.1.contains("Ava"))
            #expect(try await call("/api/v1/placements/\(p.ava)", .get, nil, counselor).0 == .notFound)
            #expect(try await call("/api/v1/placements/\(p.ava)/transitions", .post, #"{"action":"withdraw","reason":"x"}"#, counselor).0 == .notFound)
            #expect(try await Self.status(pool, p.ava) == "pending_approval")

            let early = try await call("/api/v1/placements/\(p.maria)/transitions", .post, #"{"action":"start","on":"2027-01-18"}"#, counselor)
            #expect(early.0 == .conflict && early.1.contains("cannot be started: accept it first"))
            let badDate = try await call("/api/v1/placements/\(p.maria)/transitions", .post, #"{"action":"accept","on":"2027-02-30"}"#, counselor)
            #expect(badDate.0 == .unprocessableContent && badDate.1.contains("$.on: '2027-02-30' is not a date"))
            let badAction = try await call("/api/v1/placements/\(p.maria)/transitions", .post, #"{"action":"finish"}"#, counselor)
            #expect(badAction.0 == .unprocessableContent && badAction.1.contains("$.action"))
            let accepted = try await call("/api/v1/placements/\(p.maria)/transitions", .post, #"{"action":"accept","on":"2027-01-10"}"#, counselor)
            #expect(accepted.0 == .ok && accepted.1.contains("\"status\":\"accepted\"") && accepted.1.contains("\"acceptedOn\":\"2027-01-10\""))
            #expect(try await call("/api/v1/placements/\(p.maria)/hours", .post, #"{"workedOn":"2027-01-18","minutes":60}"#, counselor).0 == .conflict)
            _ = try await call("/api/v1/placements/\(p.maria)/transitions", .post, #"{"action":"start","on":"2027-01-18"}"#, counselor)
            let tooLong = try await call("/api/v1/placements/\(p.maria)/hours", .post, #"{"workedOn":"2027-01-18","minutes":1441}"#, counselor)
            #expect(tooLong.0 == .unprocessableContent && tooLong.1.contains("$.minutes"))
            let logged = try await call("/api/v1/placements/\(p.maria)/hours", .post, #"{"workedOn":"2027-01-18","minutes":150}"#, counselor)
            #expect(logged.0 == .ok && logged.1.contains("\"minutes\":150"))
            #expect(try await Self.entries(pool, "placements", actor: Seed.emails["counselor"]!) == 2)
            #expect(try await Self.entries(pool, "placement_hours", actor: Seed.emails["counselor"]!) == 1)

            let edc = try await APITests.token(pool, seed.userIDs["edc_staff"]!)
            let edcList = try await call("/api/v1/placements?status=started", .get, nil, edc)
            #expect(edcList.0 == .ok && edcList.1.contains("Maria Pena") && !edcList.1.contains("Juan"))
            #expect(try await call("/api/v1/placements/\(p.juan)/transitions", .post, #"{"action":"accept"}"#, edc).0 == .forbidden)
            let caseWorker = try await APITests.token(pool, seed.userIDs["case_worker"]!)
            #expect(try await call("/api/v1/placements", .get, nil, caseWorker).0 == .forbidden)
            let portales = try await APITests.token(pool, seed.userIDs["counselor2"]!)
            let ava = try await call("/api/v1/placements/\(p.ava)", .get, nil, portales)
            #expect(ava.0 == .ok && ava.1.contains("\"status\":\"matched\"") && !ava.1.contains("pending"))
        }
    }

    @Test func theOpenAPIDocumentDescribesThePlacementEndpoints() async throws {
        try await WebFixture.with { _, _, client in
            let spec = String(buffer: try await client.execute(uri: "/api/v1/openapi.yaml", method: .get).body)
            for path in ["  /placements:", "  /placements/{id}:", "  /placements/{id}/transitions:", "  /placements/{id}/hours:", "    Placement:"] {
                #expect(spec.contains("\n\(path)\n"), "missing \(path)")
            }
            // Every $ref points at a defined component.
            let refs = Set(spec.components(separatedBy: "$ref: \"#/components/").dropFirst().map { String($0.prefix { $0 != "\"" }) })
            for ref in refs {
                let parts = ref.split(separator: "/")
                #expect(parts.count == 2 && spec.contains("\n  \(parts[0]):\n") && spec.contains("\n    \(parts[1]):\n"), "dangling $ref \(ref)")
            }
        }
    }
}
