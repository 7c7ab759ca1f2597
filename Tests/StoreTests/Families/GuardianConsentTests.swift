import Database
import Store
import Testing

@Suite("Guardian consent by link")
struct GuardianConsentTests {
    @Test func theTokenIsStoredOnlyAsItsSHA256() async throws {
        try await FamiliesWorld.with { w in
            let ana = try await w.student("Ana", guardianEmail: "rosa@example.com")
            let invitation = try #require(try await GuardianConsentStore(pool: w.pool).request(studentID: ana, scope: .school(w.schoolA), by: w.coordinator))
            #expect(invitation.token.count == 64 && invitation.guardianEmail == "rosa@example.com")
            let stored = try await w.pool.query("SELECT encode(token_hash, 'hex') AS h FROM guardian_consent_requests")[0].decode("h", as: String.self)
            let expected = try await w.pool.query("SELECT encode(sha256(convert_to($1::text, 'UTF8')), 'hex') AS h", [invitation.token])[0].decode("h", as: String.self)
            #expect(stored == expected && stored != invitation.token)
            #expect(try await w.count("SELECT count(*)::int FROM audit_log WHERE detail::text LIKE '%' || $1 || '%'", [invitation.token]) == 0,
                    "the audit log holds no working link either")
        }
    }

    @Test func consentIsRecordedOnceSatisfiesTheRuleAndTheLinkIsSpent() async throws {
        try await FamiliesWorld.with { w in
            let ana = try await w.student("Ana", guardianEmail: "rosa@example.com")
            try await w.choose(ana, [w.slots[1], w.slots[0]])
            let store = GuardianConsentStore(pool: w.pool)
            let invitation = try #require(try await store.request(studentID: ana, scope: .everything, by: w.coordinator))
            guard case .open(let page) = try await store.open(token: invitation.token) else { Issue.record("link not open"); return }
            #expect(page.studentFirstName == "Ana" && page.choices.map(\.title) == ["Cheese plant helper", "Dairy herd assistant"])
            #expect(page.choices[0].address == "1 Farm Rd" && page.choices[0].schedule == "Mon-Fri 15:30-18:00")
            #expect(try await store.answer(token: invitation.token, decision: .consented, signerName: "  ") == .nameMissing)
            guard case .recorded(.consented, let signedOn) = try await store.answer(token: invitation.token, decision: .consented, signerName: "Rosa Test") else {
                Issue.record("not recorded"); return
            }
            let consentOn: String? = try await w.pool.query("SELECT guardian_consent_on::text AS d FROM students WHERE id = $1", [ana])[0].decode("d")
            #expect(consentOn == signedOn, "students.guardian_consent_on is what the eligibility rule reads")
            #expect(try await store.answer(token: invitation.token, decision: .declined, signerName: "Someone Else") == .alreadyUsed)
            #expect(try await store.open(token: invitation.token) == .used(language: "en"))
            let history = try await store.requests(studentID: ana, scope: .school(w.schoolA))
            #expect(history.count == 1 && history[0].state == .consented && history[0].signerName == "Rosa Test")
            let audit = try await AuditLog(pool: w.pool).search(AuditFilter(entity: "guardian_consent"), includeJuvenile: false)
            #expect(audit.count == 1 && audit[0].actor.hasPrefix("guardian:"))
        }
    }

    @Test func twoAnswersAtOnceRecordExactlyOne() async throws {
        try await FamiliesWorld.with { w in
            let ana = try await w.student("Ana", guardianEmail: "rosa@example.com")
            let store = GuardianConsentStore(pool: w.pool)
            let token = try #require(try await store.request(studentID: ana, scope: .everything, by: w.coordinator)).token
            let results: [ConsentAnswerResult] = try await withThrowingTaskGroup(of: ConsentAnswerResult.self) { group in
                for decision in [ConsentDecision.consented, .declined, .consented, .declined] {
                    group.addTask { try await store.answer(token: token, decision: decision, signerName: "Rosa") }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter { if case .recorded = $0 { true } else { false } }.count == 1)
            #expect(results.filter { $0 == .alreadyUsed }.count == 3)
            #expect(try await w.count("SELECT count(*)::int FROM guardian_consent_requests WHERE decision IS NOT NULL") == 1)
        }
    }

    @Test func anExpiredLinkShowsNothingAndRecordsNothing() async throws {
        try await FamiliesWorld.with { w in
            let ana = try await w.student("Ana", guardianEmail: "rosa@example.com", language: "es")
            let store = GuardianConsentStore(pool: w.pool)
            let token = try #require(try await store.request(studentID: ana, scope: .everything, by: w.coordinator)).token
            // Time passes: the request was made 15 days ago and expired yesterday.
            try await w.pool.execute("UPDATE guardian_consent_requests SET requested_at = now() - interval '15 days', expires_at = now() - interval '1 day'")
            #expect(try await store.open(token: token) == .expired(language: "es"))
            #expect(try await store.answer(token: token, decision: .consented, signerName: "Rosa") == .expired)
            #expect(try await w.count("SELECT count(*)::int FROM students WHERE guardian_consent_on IS NOT NULL") == 0)
            #expect(try await store.requests(studentID: ana, scope: .everything).first?.state == .expired, "the counselor sees it expired")
        }
    }

    @Test func aShortLifetimeExpiresOnTheClock() async throws {
        try await FamiliesWorld.with { w in
            let ana = try await w.student("Ana", guardianEmail: "rosa@example.com")
            let store = GuardianConsentStore(pool: w.pool)
            // A loaded CI machine has taken more than 4 s between two statements here, so "open at first"
            // is asserted only when the clock says the lifetime cannot yet have passed.
            let asked = ContinuousClock.now
            let token = try #require(try await store.request(studentID: ana, scope: .everything, by: w.coordinator, lifetime: 4)).token
            let first = try await store.open(token: token)
            if ContinuousClock.now - asked < .seconds(4) {
                guard case .open = first else { Issue.record("should be open within its lifetime, was \(first)"); return }
            } else {
                guard case .open = first else { #expect(first == .expired(language: "en")); return }
            }
            // The request lives its lifetime from when it was made (requested_at is the same now()).
            // Not "some time is left": on a loaded machine the 4 s may be gone by this query.
            let stored = try await w.pool.query("""
                SELECT extract(epoch FROM expires_at - requested_at)::float8 AS lifetime,
                       greatest(0, extract(epoch FROM expires_at - now()))::float8 AS left FROM guardian_consent_requests
                """)[0]
            #expect(abs(try stored.decode("lifetime", as: Double.self) - 4) < 0.001)
            let left = try stored.decode("left", as: Double.self)
            #expect(left <= 4)
            try await Task.sleep(for: .milliseconds(Int(left * 1000) + 300))
            #expect(try await store.open(token: token) == .expired(language: "en"))
        }
    }

    @Test func aDeclineWithdrawsConsentAndIsVisibleToTheCounselor() async throws {
        try await FamiliesWorld.with { w in
            let ana = try await w.student("Ana", guardianEmail: "rosa@example.com")
            try await w.pool.execute("UPDATE students SET guardian_consent_on = '2026-09-01' WHERE id = $1", [ana])
            let store = GuardianConsentStore(pool: w.pool)
            let token = try #require(try await store.request(studentID: ana, scope: .everything, by: w.coordinator)).token
            guard case .recorded(.declined, _) = try await store.answer(token: token, decision: .declined, signerName: "Rosa Test") else {
                Issue.record("decline not recorded"); return
            }
            #expect(try await w.count("SELECT count(*)::int FROM students WHERE id = $1 AND guardian_consent_on IS NULL", [ana]) == 1)
            #expect(try await store.requests(studentID: ana, scope: .everything).first?.state == .declined)
        }
    }

    @Test func scopeAndMissingEmailCreateNoRequestAndForeignTokensRevealNothing() async throws {
        try await FamiliesWorld.with { w in
            let ana = try await w.student("Ana", guardianEmail: "rosa@example.com")
            let ben = try await w.student("Ben", school: w.schoolB, guardianEmail: "ben.parent@example.com")
            let noEmail = try await w.student("Cy")
            try await w.choose(ben, [w.slots[0]])
            let store = GuardianConsentStore(pool: w.pool)
            #expect(try await store.request(studentID: ben, scope: .school(w.schoolA), by: w.coordinator) == nil, "another school's student")
            #expect(try await store.request(studentID: noEmail, scope: .everything, by: w.coordinator) == nil)
            #expect(try await store.request(studentID: ana, scope: .edc(w.edc), by: w.coordinator) == nil)
            #expect(try await store.requests(studentID: ben, scope: .school(w.schoolA)).isEmpty)
            let anaToken = try #require(try await store.request(studentID: ana, scope: .everything, by: w.coordinator)).token
            guard case .open(let page) = try await store.open(token: anaToken) else { Issue.record("not open"); return }
            #expect(page.studentFirstName == "Ana" && page.choices.isEmpty, "Ana's link shows Ana only, never Ben's choices")
            for bad in ["", "x", String(repeating: "0", count: 64), String(anaToken.dropLast()) + (anaToken.hasSuffix("0") ? "1" : "0"), anaToken.uppercased()] {
                #expect(try await store.open(token: bad) == .unknown, "\(bad)")
            }
        }
    }
}
