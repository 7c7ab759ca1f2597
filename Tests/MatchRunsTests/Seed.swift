import Database
import Foundation
import Mail
import Reports
@testable import MatchRuns

/// The World's consortium written to a real database, with users for every role.
struct Seed {
    var round: Int64 = 0
    var school: Int64 = 0
    var edc: Int64 = 0
    var juvenileServices: Int64 = 0
    var steel: Int64 = 0
    var tech: Int64 = 0
    var slots: [String: Int64] = [:]
    var students: [String: Int64] = [:]
    var coordinator: Int64 = 0
    var juvenileCoordinator: Int64 = 0
    var counselor: Int64 = 0
    var edcStaff: Int64 = 0
    var caseWorker: Int64 = 0

    static func id(_ conn: DatabasePool, _ sql: String, _ binds: [any SQLEncodable]) async throws -> Int64 {
        try await conn.query(sql + " RETURNING id", binds)[0].decode("id")
    }

    /// Without `people`, no users (so no emails) and no referral.
    static func write(_ db: DatabasePool, people: Bool = true) async throws -> Seed {
        var s = Seed()
        let org = "INSERT INTO organizations (code, kind, name, latitude, longitude) VALUES ($1, $2, $3, $4, $5)"
        s.school = try await id(db, org, ["clovis-hs", "school", "Clovis High", 34.4, -103.2])
        s.edc = try await id(db, org, ["edc-clovis", "edc", "Clovis EDC", Double?.none, Double?.none])
        s.juvenileServices = try await id(db, org, ["jjs", "juvenile_services", "Juvenile Services", Double?.none, Double?.none])
        let consortium = try await id(db, org, ["region-1", "consortium", "Region I", Double?.none, Double?.none])
        if people {
        let user = "INSERT INTO users (email, name, role, organization_id, can_view_juvenile) VALUES ($1, $2, $3, $4, $5)"
        s.coordinator = try await id(db, user, ["casey@example.org", "Casey Coordinator", "coordinator", consortium, false])
        s.juvenileCoordinator = try await id(db, user, ["jamie@example.org", "Jamie Coordinator", "coordinator", consortium, true])
        s.counselor = try await id(db, user, ["chris@clovis.example", "Chris Counselor", "counselor", s.school, false])
        s.edcStaff = try await id(db, user, ["eve@edc.example", "Eve EDC", "edc_staff", s.edc, false])
        s.caseWorker = try await id(db, user, ["dana@jjs.example", "Dana Ruiz", "case_worker", s.juvenileServices, false])
        }
        let employer = "INSERT INTO employers (edc_id, external_id, name) VALUES ($1, $2, $3)"
        s.steel = try await id(db, employer, [s.edc, "E1", "Clovis Steel"])
        s.tech = try await id(db, employer, [s.edc, "E2", "Portales Tech"])
        let slot = """
            INSERT INTO slots (edc_id, external_id, employer_id, title, kind, program_of_study, capacity, reserved_seats,
                               start_date, end_date, schedule, virtual)
            VALUES ($1, $2, $3, $4, 'internship', $5, $6, $7, '2027-02-01', '2027-04-30', 'Mon,Wed 15:30-17:30', true)
            """
        s.slots["network"] = try await id(db, slot, [s.edc, "S100", s.steel, "Network helper", "information_technology", 1, 1])
        s.slots["helpdesk"] = try await id(db, slot, [s.edc, "S101", s.tech, "IT help desk", "information_technology", 2, 0])
        s.slots["welding"] = try await id(db, slot, [s.edc, "S102", s.steel, "Welding helper", "manufacturing", 1, 0])
        let student = """
            INSERT INTO students (school_id, external_id, first_name, last_name, birth_date, grade, program_of_study, transport,
                                  availability, summer_availability, guardian_consent_on)
            VALUES ($1, $2, $3, $4, '2010-03-01', 11, $5, 'family', 'Mon-Fri 15:00-19:00', 'Mon-Fri 08:00-17:00', $6::date)
            """
        for (name, program, consent) in [("Ana", "information_technology", true), ("Ben", "information_technology", true),
                                         ("Cruz", "information_technology", true), ("Dee", "manufacturing", true),
                                         ("Eli", "information_technology", false)] {
            s.students[name] = try await id(db, student, [s.school, "C-\(name)", name, "Peña", program, consent ? "2026-09-01" : nil])
        }
        if people {
        let referral = try await id(db, "INSERT INTO referrals (student_id, juvenile_services_id, referred_by, referred_on) VALUES ($1, $2, $3, '2026-10-01')",
                                    [s.students["Cruz"]!, s.juvenileServices, s.caseWorker])
        _ = try await db.execute("INSERT INTO referral_restrictions (referral_id, caseworker_approval_required) VALUES ($1, true)", [referral])
        _ = try await db.execute("INSERT INTO referral_excluded_employers (referral_id, employer_id) VALUES ($1, $2)", [referral, s.tech])
        }
        s.round = try await id(db, "INSERT INTO rounds (name) VALUES ($1)", ["Spring 2027"])
        let lists: [(String, [String])] = [("Ana", ["helpdesk", "network"]), ("Ben", ["helpdesk", "network", "welding"]),
                                           ("Cruz", ["helpdesk", "network"]), ("Dee", ["welding", "helpdesk"]), ("Eli", ["helpdesk"])]
        for (name, slots) in lists {
            for (k, slot) in slots.enumerated() {
                _ = try await db.execute("INSERT INTO choices (round_id, student_id, rank, slot_id) VALUES ($1, $2, $3, $4)",
                                         [s.round, s.students[name]!, k + 1, s.slots[slot]!])
            }
        }
        return s
    }
}

/// Stores emails in a table of the test database, on the run's connection: they exist iff the run commits.
struct TableMailer: RunMailer {
    static let create = "CREATE TABLE test_outbox (id bigserial, template text, to_address text, subject text, body text, attachment text)"

    func prepare(_ emails: [ReportEmail]) throws -> any PreparedRunEmails { Rows(emails: emails) }

    struct Rows: PreparedRunEmails {
        let emails: [ReportEmail]
        var count: Int { emails.count }

        func enqueue(on connection: Connection) async throws {
            for e in emails {
                _ = try await connection.execute(
                    "INSERT INTO test_outbox (template, to_address, subject, body, attachment) VALUES ($1, $2, $3, $4, $5)",
                    [e.template, e.toAddress, e.subject, e.text + "\n" + e.html,
                     e.attachments.first.map { String(decoding: $0.data, as: UTF8.self) }])
            }
        }
    }

    /// Guardian notices go to the real outbox: `guardian_notices` keeps the outbox id.
    func enqueue(_ notice: GuardianNoticeEmail, on connection: Connection) async throws -> Int64 {
        let outbox = Outbox(from: EmailAddress("wblmatch@region1.example"))
        return try await outbox.enqueue(OutgoingEmail(to: [EmailAddress(notice.toAddress, name: notice.toName)],
                                                      subject: notice.subject, text: notice.text), on: connection).id
    }
}
