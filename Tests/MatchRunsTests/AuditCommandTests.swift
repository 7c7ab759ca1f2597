import Database
import Foundation
import Store
import Testing
import TestSupport

/// `wblmatch audit`, the real binary against a test database: it prints exactly the audited
/// changes, and its filters narrow them.
@Suite struct AuditCommandTests {
    /// Runs `wblmatch audit ARGS` to completion; returns its exit status, stdout and stderr.
    static func audit(_ db: TestDatabase, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try WBLMatchBinary.run(["audit"] + arguments, databaseURL: db.url)
    }

    /// `actor action entity` of each printed line, in order.
    static func entries(_ out: String) -> [String] {
        out.split(separator: "\n").map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            return "\(f[2]) \(f[3]) \(f[4].split(separator: " ")[0])"
        }
    }

    @Test func itPrintsExactlyTheAuditedChangesAndItsFiltersWork() async throws {
        try await TestDatabase.with { db in
            let seed = try await Seed.write(db.pool)
            // Everything the seed wrote is older than `since` (second resolution).
            try await Task.sleep(for: .milliseconds(1200))
            let since: String = try await db.pool.query("""
                SELECT to_char(date_trunc('second', clock_timestamp()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS t
                """)[0].decode("t")
            try await Task.sleep(for: .milliseconds(50))
            let counselor = AuditActor(userID: seed.counselor, name: "chris@clovis.example")
            let edc = AuditActor(userID: seed.edcStaff, name: "eve@edc.example")
            let caseWorker = AuditActor(userID: seed.caseWorker, name: "dana@jjs.example")
            let eli = seed.students["Eli"]!, welding = seed.slots["welding"]!
            func change(_ actor: AuditActor, _ sql: String, _ binds: [any SQLEncodable]) async throws {
                try await db.pool.withTransaction { conn in
                    try await actor.stamp(on: conn)
                    #expect(try await conn.execute(sql, binds) == 1)
                }
            }
            try await change(counselor, "UPDATE students SET guardian_consent_on = '2026-12-01' WHERE id = $1", [eli])
            // Eli's list had one choice: a second one is an update of her list (sql/0052).
            try await change(counselor, "INSERT INTO choices (round_id, student_id, rank, slot_id) VALUES ($1, $2, 2, $3)", [seed.round, eli, welding])
            try await change(edc, "UPDATE slots SET capacity = 4 WHERE id = $1", [welding])
            try await change(caseWorker, """
                INSERT INTO referral_excluded_employers (referral_id, employer_id) SELECT id, $1 FROM referrals
                """, [seed.steel])
            try await AuditLog(pool: db.pool).recordView(by: AuditActor(userID: seed.juvenileCoordinator, name: "jamie@example.org"),
                                                         entity: "referrals", entityID: "outcomes/1")

            let all = try Self.audit(db, ["--since", since])
            #expect(all.status == 0, "\(all.err)")
            // Newest first; the referral change and the view stay hidden without --juvenile.
            #expect(Self.entries(all.out) == ["eve@edc.example update slots", "chris@clovis.example update choices",
                                              "chris@clovis.example update guardian_consent"])
            let slotLine = try #require(all.out.split(separator: "\n").first.map(String.init))
            #expect(slotLine.contains("\tslots \(welding)\t") && slotLine.contains("\"capacity\": 1") && slotLine.contains("\"capacity\": 4"))

            #expect(Self.entries(try Self.audit(db, ["--since", since, "--juvenile"]).out) == [
                "jamie@example.org view referrals", "dana@jjs.example insert referral_excluded_employers", "eve@edc.example update slots",
                "chris@clovis.example update choices", "chris@clovis.example update guardian_consent"])
            #expect(Self.entries(try Self.audit(db, ["--since", since, "--actor", "CHRIS@"]).out)
                    == ["chris@clovis.example update choices", "chris@clovis.example update guardian_consent"])
            #expect(Self.entries(try Self.audit(db, ["--since", since, "--action", "update"]).out)
                    == ["eve@edc.example update slots", "chris@clovis.example update choices", "chris@clovis.example update guardian_consent"])
            #expect(Self.entries(try Self.audit(db, ["--since", since, "--entity", "choices"]).out) == ["chris@clovis.example update choices"])
            #expect(Self.entries(try Self.audit(db, ["--entity", "guardian_consent", "--id", String(eli)]).out)
                    == ["chris@clovis.example update guardian_consent"])
            #expect(Self.entries(try Self.audit(db, ["--since", since, "--text", "2026-12-01"]).out) == ["chris@clovis.example update guardian_consent"])
            #expect(Self.entries(try Self.audit(db, ["--since", since, "--limit", "1"]).out) == ["eve@edc.example update slots"])
            // Without --since the seed's own inserts are there too, as `system`.
            #expect(Self.entries(try Self.audit(db, ["--entity", "slots", "--action", "insert"]).out).count == 3)

            let json = try Self.audit(db, ["--since", since, "--json", "--entity", "slots"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
            #expect(object["actor"] as? String == "eve@edc.example" && object["entity_id"] as? String == String(welding))
            let detail = try #require(object["detail"] as? [String: Any])
            #expect((detail["after"] as? [String: Any])?["capacity"] as? Int == 4)

            let bad = try Self.audit(db, ["--since", "yesterday"])
            #expect(bad.status != 0 && bad.err.contains("--since yesterday: not a date or time") && bad.out.isEmpty)
        }
    }
}
