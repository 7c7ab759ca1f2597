import Database
import Hummingbird
import Testing
import WebApp

/// The employer ranking page: who may rank which slot, what it saves (through the rankings
/// importer), what it never shows, and the freeze after a final run.
@Suite("Employer rankings")
struct RankingsTests {
    /// Maria and Juan (Clovis HS) choose the first Clovis slot; Juan is referred by the case worker.
    static func applicants(_ seed: Seed, _ pool: DatabasePool) async throws {
        for (student, rank) in [(seed.clovisStudents[0], 1), (seed.clovisStudents[1], 2)] {
            _ = try await pool.execute("INSERT INTO choices (round_id, student_id, rank, slot_id) VALUES ($1, $2, $3, $4)",
                                       [seed.roundID, student, Int64(rank), seed.clovisSlots[0]])
        }
        _ = try await pool.execute("""
            INSERT INTO referrals (student_id, juvenile_services_id, referred_by, referred_on) VALUES ($1, $2, $3, '2026-10-01')
            """, [seed.clovisStudents[1], seed.juvenile, seed.userIDs["case_worker"]!])
    }

    static func tiers(_ pool: DatabasePool, _ slot: Int64) async throws -> [Int64: Int] {
        var out: [Int64: Int] = [:]
        for row in try await pool.query("SELECT student_id, tier FROM rankings WHERE slot_id = $1", [slot]) {
            out[try row.decode("student_id", as: Int64.self)] = try row.decode("tier", as: Int.self)
        }
        return out
    }

    @Test func employerRanksTheirSlotsApplicantsAndTheChangeIsAudited() async throws {
        try await WebFixture.with { seed, pool, client in
            try await Self.applicants(seed, pool)
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["employer"]!)
            let home = try await browser.get("/")
            #expect(home.body.contains("1 slot has applicants you could rank"))
            let list = try await browser.get("/rankings")
            #expect(list.status == .ok)
            #expect(list.body.contains("/rankings/\(seed.clovisSlots[0])"))
            #expect(!list.body.contains("Welding shop intern"))
            let slot = seed.clovisSlots[0]
            let page = try await browser.get("/rankings/\(slot)")
            #expect(page.status == .ok)
            #expect(page.body.contains("Maria Pena") && page.body.contains("Juan Baca") && page.body.contains("Clovis High School"))
            #expect(page.body.contains("name=\"tier_\(seed.clovisStudents[0])\""))
            let saved = try await browser.post("/rankings/\(slot)", [
                ("tier_\(seed.clovisStudents[0])", "2"), ("tier_\(seed.clovisStudents[1])", "1"),
                ("tier_\(seed.portalesStudent)", "1"),   // not an applicant: ignored
            ])
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/rankings/\(slot)")
            #expect(try await Self.tiers(pool, slot) == [seed.clovisStudents[0]: 2, seed.clovisStudents[1]: 1])
            let after = try await browser.get("/rankings/\(slot)")
            #expect(after.body.contains("Ranking saved: 2 of 2 applicants ranked."))
            #expect(after.body.contains("value=\"1\""))
            let audit = try await pool.query("""
                SELECT count(*) FILTER (WHERE entity = 'rankings' AND action = 'insert')::int8 AS inserts,
                       count(*) FILTER (WHERE entity = 'rankings' AND action = 'import')::int8 AS imports
                FROM audit_log WHERE actor = $1 AND actor_user_id = $2
                """, [Seed.emails["employer"]!, seed.userIDs["employer"]!])
            #expect(try audit[0].decode("inserts", as: Int64.self) == 2)
            #expect(try audit[0].decode("imports", as: Int64.self) == 1)
            // Changing one tier rewrites the slot's ranking; clearing every tier removes it.
            _ = try await browser.post("/rankings/\(slot)", [("tier_\(seed.clovisStudents[0])", "1"), ("tier_\(seed.clovisStudents[1])", "1")])
            #expect(try await Self.tiers(pool, slot) == [seed.clovisStudents[0]: 1, seed.clovisStudents[1]: 1])
            let cleared = try await browser.post("/rankings/\(slot)", [("tier_\(seed.clovisStudents[0])", ""), ("tier_\(seed.clovisStudents[1])", " ")])
            #expect(cleared.status == .seeOther)
            #expect(try await Self.tiers(pool, slot).isEmpty)
            let deletes = try await pool.query("SELECT count(*)::int8 AS n FROM audit_log WHERE entity = 'rankings' AND action = 'delete' AND actor = $1",
                                               [Seed.emails["employer"]!])
            #expect(try deletes[0].decode("n", as: Int64.self) >= 2)
        }
    }

    @Test func referralStatusNeverReachesEmployersOrEDCs() async throws {
        try await WebFixture.with { seed, pool, client in
            try await Self.applicants(seed, pool)
            _ = try await pool.execute("UPDATE slots SET reserved_seats = 1 WHERE id = $1", [seed.clovisSlots[0]])
            _ = try await pool.execute("""
                INSERT INTO referral_restrictions (referral_id, curfew, caseworker_approval_required)
                SELECT id, '20:00', true FROM referrals WHERE student_id = $1
                """, [seed.clovisStudents[1]])
            for role in ["employer", "edc_staff"] {
                var browser = Browser(client)
                _ = try await browser.signIn(Seed.emails[role]!)
                for path in ["/", "/rankings", "/rankings/\(seed.clovisSlots[0])"] {
                    let page = try await browser.get(path)
                    #expect(page.status == .ok, "\(role) \(path)")
                    let body = page.body.lowercased()
                    // Whole words ("most preferred" is fine).
                    for word in ["referr", "juvenile", "second-chance", "second chance", "reserve", "curfew", "restrict", "approval"] {
                        #expect(!body.contains(try Regex("\\b" + word)), "\(role) \(path) shows “\(word)”")
                    }
                }
                #expect(try await browser.get("/rankings/\(seed.clovisSlots[0])").body.contains("Juan Baca"))
            }
        }
    }

    @Test func rolesAndIdSwapping() async throws {
        try await WebFixture.with { seed, pool, client in
            try await Self.applicants(seed, pool)
            let slot = seed.clovisSlots[0]
            for role in ["counselor", "case_worker"] {
                var browser = Browser(client)
                _ = try await browser.signIn(Seed.emails[role]!)
                _ = try await browser.get("/")
                #expect(try await browser.get("/rankings").status == .forbidden, "\(role)")
                #expect(try await browser.get("/rankings/\(slot)").status == .forbidden, "\(role)")
                #expect(try await browser.post("/rankings/\(slot)", [("tier_\(seed.clovisStudents[0])", "1")]).status == .forbidden, "\(role)")
            }
            for role in ["coordinator", "edc_staff", "employer"] {
                var browser = Browser(client)
                _ = try await browser.signIn(Seed.emails[role]!)
                #expect(try await browser.get("/rankings/\(slot)").status == .ok, "\(role)")
            }
            // The other EDC's staff, and an employer for a slot of an employer not linked to it: 404, nothing saved.
            var edc2 = Browser(client)
            _ = try await edc2.signIn(Seed.emails["edc2"]!)
            _ = try await edc2.get("/rankings")
            #expect(try await edc2.get("/rankings/\(slot)").status == .notFound)
            #expect(try await edc2.post("/rankings/\(slot)", [("tier_\(seed.clovisStudents[0])", "1")]).status == .notFound)
            var employer = Browser(client)
            _ = try await employer.signIn(Seed.emails["employer"]!)
            _ = try await employer.get("/rankings")
            #expect(try await employer.get("/rankings/\(seed.portalesSlot)").status == .notFound)
            #expect(try await employer.post("/rankings/\(seed.portalesSlot)", [("tier_\(seed.portalesStudent)", "1")]).status == .notFound)
            #expect(try await employer.get("/rankings/abc").status == .notFound)
            let count = try await pool.query("SELECT count(*)::int8 AS n FROM rankings")
            #expect(try count[0].decode("n", as: Int64.self) == 0)
            // EDC staff rank on the employer's behalf; coordinators rank any slot.
            var edc = Browser(client)
            _ = try await edc.signIn(Seed.emails["edc_staff"]!)
            #expect(try await edc.get("/slots").body.contains("href=\"/rankings/\(slot)\""))
            _ = try await edc.get("/rankings/\(slot)")
            #expect(try await edc.post("/rankings/\(slot)", [("tier_\(seed.clovisStudents[0])", "3")]).status == .seeOther)
            #expect(try await Self.tiers(pool, slot) == [seed.clovisStudents[0]: 3])
        }
    }

    @Test func badTiersAndMissingCSRFChangeNothing() async throws {
        try await WebFixture.with { seed, pool, client in
            try await Self.applicants(seed, pool)
            let slot = seed.clovisSlots[0]
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["employer"]!)
            _ = try await browser.get("/rankings/\(slot)")
            let forged = try await browser.post("/rankings/\(slot)", [("tier_\(seed.clovisStudents[0])", "1"), ("_csrf", "forged")], csrf: false)
            #expect(forged.status == .forbidden)
            let none = try await browser.post("/rankings/\(slot)", [("tier_\(seed.clovisStudents[0])", "1")], csrf: false)
            #expect(none.status == .forbidden)
            _ = try await browser.get("/rankings/\(slot)")
            let bad = try await browser.post("/rankings/\(slot)", [("tier_\(seed.clovisStudents[0])", "first"), ("tier_\(seed.clovisStudents[1])", "0")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Tier of Maria Pena"))
            #expect(bad.body.contains("Tier of Juan Baca"))
            #expect(bad.body.contains("Nothing was saved"))
            #expect(bad.body.contains("value=\"first\""))   // what was typed is kept for correction
            #expect(try await Self.tiers(pool, slot).isEmpty)
        }
    }

    @Test func aFinalRoundIsReadOnly() async throws {
        try await WebFixture.with { seed, pool, client in
            try await Self.applicants(seed, pool)
            let slot = seed.clovisSlots[0]
            _ = try await pool.execute("INSERT INTO rankings (round_id, slot_id, student_id, tier) VALUES ($1, $2, $3, 1)",
                                       [seed.roundID, slot, seed.clovisStudents[0]])
            _ = try await pool.execute("UPDATE rounds SET state = 'final' WHERE id = $1", [seed.roundID])
            var browser = Browser(client)
            _ = try await browser.signIn(Seed.emails["employer"]!)
            let page = try await browser.get("/rankings/\(slot)")
            #expect(page.status == .ok)
            #expect(page.body.contains("is final: its match was published, so its rankings can no longer change"))
            #expect(!page.body.contains("name=\"tier_"))
            #expect(!page.body.contains("Save the ranking"))
            let refused = try await browser.post("/rankings/\(slot)", [("tier_\(seed.clovisStudents[0])", "2")])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("can no longer change"))
            #expect(try await Self.tiers(pool, slot) == [seed.clovisStudents[0]: 1])
        }
    }
}
