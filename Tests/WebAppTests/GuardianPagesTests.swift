import Database
import Foundation
import Hummingbird
import Testing
import WebApp

@Suite("Guardian consent pages")
struct GuardianPagesTests {
    /// The counselor's request, sent through the page: returns the token read back from the queued email.
    static func sendRequest(_ browser: inout Browser, _ pool: DatabasePool, student: Int64) async throws -> (token: String, email: String, subject: String) {
        _ = try await browser.get("/students/\(student)/consent")
        let sent = try await browser.post("/students/\(student)/consent", [])
        #expect(sent.status == .seeOther)
        let row = try await pool.query("SELECT convert_from(message, 'UTF8') AS m, subject, recipients[1] AS r FROM outbox_email ORDER BY id DESC LIMIT 1")[0]
        // Undo quoted-printable soft line breaks before looking for the link.
        let message = try row.decode("m", as: String.self).replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "")
        let marker = "/guardian/consent/"
        let start = try #require(message.range(of: marker)).upperBound
        let token = String(message[start...].prefix(64))
        return (token, try row.decode("r"), try row.decode("subject"))
    }

    static func prepare(_ pool: DatabasePool, _ student: Int64, language: String, slots: [Int64], round: Int64) async throws {
        try await pool.execute("UPDATE students SET guardian_email = 'family\(student)@example.com', guardian_name = 'Rosa Pena', guardian_language = $2, guardian_consent_on = NULL WHERE id = $1",
                               [student, language])
        try await pool.execute("""
            INSERT INTO choices (round_id, student_id, rank, slot_id)
            SELECT $1, $2, t.ord, t.slot_id FROM unnest($3::bigint[]) WITH ORDINALITY AS t(slot_id, ord)
            """, [round, student, slots])
    }

    @Test func englishGuardianConsentsWithoutAnAccountOrJavaScriptAndTheLinkIsSpent() async throws {
        try await WebFixture.with { seed, pool, client in
            let maria = seed.clovisStudents[0]
            try await Self.prepare(pool, maria, language: "en", slots: [seed.clovisSlots[1], seed.clovisSlots[0]], round: seed.roundID)
            var counselor = Browser(client)
            _ = try await counselor.signIn(Seed.emails["counselor"]!)
            let (token, to, subject) = try await Self.sendRequest(&counselor, pool, student: maria)
            #expect(to == "family\(maria)@example.com" && subject.contains("Maria Pena"))
            #expect(try await pool.query("SELECT count(*)::int AS n FROM guardian_consent_requests WHERE token_hash = sha256(convert_to($1::text, 'UTF8'))", [token])[0].decode("n", as: Int.self) == 1)

            var guardian = Browser(client)   // a new browser: no account, no session
            let page = try await guardian.get("/guardian/consent/\(token)")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<html lang="en">"#) && page.body.contains("Maria"))
            #expect(page.body.contains("Cheese plant helper") && page.body.contains("Dairy herd assistant") && page.body.contains("Mon-Fri 15:30-18:00"))
            #expect(page.body.contains(#"<form method="post" action="/guardian/consent/\#(token)">"#) && !page.body.contains("<script"),
                    "a plain form: works without JavaScript")
            #expect(!page.body.contains("Juan") && !page.body.contains("Welding"), "nothing of other students")
            let missing = try await guardian.post("/guardian/consent/\(token)", [("lang", "en"), ("signer_name", " "), ("decision", "consented")])
            #expect(missing.status == .unprocessableContent && missing.body.contains("Type your full name"))
            let done = try await guardian.post("/guardian/consent/\(token)", [("lang", "en"), ("signer_name", "Rosa Pena"), ("decision", "consented")])
            #expect(done.status == .ok && done.body.contains("Your consent is recorded, signed by Rosa Pena"))
            let consentOn = try await pool.query("SELECT guardian_consent_on::text AS d FROM students WHERE id = $1", [maria])[0].decode("d", as: String?.self)
            #expect(consentOn != nil)
            let again = try await guardian.get("/guardian/consent/\(token)")
            #expect(again.status == .gone && again.body.contains("Link already used"))
            let status = try await counselor.get("/students/\(maria)/consent")
            #expect(status.body.contains("consented") && status.body.contains("Rosa Pena"))
        }
    }

    @Test func spanishGuardianSeesSpanishPageAndEmailAndDeclines() async throws {
        try await WebFixture.with { seed, pool, client in
            let juan = seed.clovisStudents[1]
            try await Self.prepare(pool, juan, language: "es", slots: [seed.clovisSlots[2]], round: seed.roundID)
            var counselor = Browser(client)
            _ = try await counselor.signIn(Seed.emails["counselor"]!)
            let (token, _, subject) = try await Self.sendRequest(&counselor, pool, student: juan)
            #expect(subject.contains("Consentimiento"))
            let body = try await pool.query("SELECT convert_from(message, 'UTF8') AS m FROM outbox_email")[0].decode("m", as: String.self)
            #expect(!body.lowercased().contains("referral") && !body.lowercased().contains("court") && !body.lowercased().contains("juvenile"))
            var guardian = Browser(client)
            let page = try await guardian.get("/guardian/consent/\(token)")
            #expect(page.body.contains(#"<html lang="es">"#) && page.body.contains("Doy mi consentimiento") && page.body.contains("pasantía"))
            let english = try await guardian.get("/guardian/consent/\(token)?lang=en")
            #expect(english.body.contains(#"<html lang="en">"#) && english.body.contains("I consent"))
            let done = try await guardian.post("/guardian/consent/\(token)", [("lang", "es"), ("signer_name", "Rosa Pena"), ("decision", "declined")])
            #expect(done.status == .ok && done.body.contains("Registramos que no da su consentimiento"))
            #expect(try await pool.query("SELECT decision FROM guardian_consent_requests")[0].decode("decision", as: String.self) == "declined")
        }
    }

    @Test func aLinkNeverRevealsAnotherStudentAndFormsNeedTheirToken() async throws {
        try await WebFixture.with { seed, pool, client in
            let (maria, ava) = (seed.clovisStudents[0], seed.portalesStudent)
            try await Self.prepare(pool, maria, language: "en", slots: [seed.clovisSlots[0]], round: seed.roundID)
            try await Self.prepare(pool, ava, language: "en", slots: [seed.portalesSlot], round: seed.roundID)
            var counselor = Browser(client)
            _ = try await counselor.signIn(Seed.emails["counselor"]!)
            let (token, _, _) = try await Self.sendRequest(&counselor, pool, student: maria)
            // The Clovis counselor cannot send for a Portales student.
            _ = try await counselor.get("/students/\(maria)/consent")
            #expect(try await counselor.post("/students/\(ava)/consent", []).status == .notFound)
            var guardian = Browser(client)
            let page = try await guardian.get("/guardian/consent/\(token)")
            #expect(page.body.contains("Maria") && !page.body.contains("Ava") && !page.body.contains("Welding shop intern"))
            for other in [String(repeating: "a", count: 64), String(token.reversed()), "\(ava)", "../\(ava)"] {
                let bad = try await guardian.get("/guardian/consent/\(other)")
                #expect(bad.status == .notFound && !bad.body.contains("Ava") && !bad.body.contains("Maria"))
            }
            var forger = Browser(client)
            let forged = try await forger.post("/guardian/consent/\(token)", [("signer_name", "X"), ("decision", "consented")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await pool.query("SELECT count(*)::int AS n FROM guardian_consent_requests WHERE decision IS NOT NULL")[0].decode("n", as: Int.self) == 0)
        }
    }

    @Test func anExpiredLinkSaysSoInTheGuardiansLanguage() async throws {
        try await WebFixture.with { seed, pool, client in
            let maria = seed.clovisStudents[0]
            try await Self.prepare(pool, maria, language: "es", slots: [], round: seed.roundID)
            var counselor = Browser(client)
            _ = try await counselor.signIn(Seed.emails["counselor"]!)
            let (token, _, _) = try await Self.sendRequest(&counselor, pool, student: maria)
            try await pool.execute("UPDATE guardian_consent_requests SET requested_at = now() - interval '15 days', expires_at = now() - interval '1 day'")
            var guardian = Browser(client)
            let page = try await guardian.get("/guardian/consent/\(token)")
            #expect(page.status == .gone && page.body.contains("Enlace vencido"))
            let status = try await counselor.get("/students/\(maria)/consent")
            #expect(status.body.contains("expired"))
        }
    }
}
