import Database
import Store
import TestSupport

/// A small world for the families suites: one consortium, two schools, an EDC with an employer,
/// a site and two slots, a coordinator and a counselor, students added on demand.
struct FamiliesWorld {
    let pool: DatabasePool
    var schoolA: Int64 = 0
    var schoolB: Int64 = 0
    var edc: Int64 = 0
    var juvenile: Int64 = 0
    var employer: Int64 = 0
    var slots: [Int64] = []
    var round: Int64 = 0
    var coordinator: AuditActor = .system
    var caseWorkerID: Int64 = 0

    static func with(_ body: (FamiliesWorld) async throws -> Void) async throws {
        try await TestDatabase.with { db in try await body(try await make(db.pool)) }
    }

    static func make(_ pool: DatabasePool) async throws -> FamiliesWorld {
        var w = FamiliesWorld(pool: pool)
        func id(_ sql: String, _ binds: [any SQLEncodable] = []) async throws -> Int64 {
            try await pool.query(sql + " RETURNING id", binds)[0].decode("id")
        }
        let consortium = try await id("INSERT INTO organizations (code, kind, name) VALUES ('region1', 'consortium', 'Region I')")
        w.schoolA = try await id("INSERT INTO organizations (code, kind, name) VALUES ('clovis-hs', 'school', 'Clovis High School')")
        w.schoolB = try await id("INSERT INTO organizations (code, kind, name) VALUES ('portales-hs', 'school', 'Portales High School')")
        w.edc = try await id("INSERT INTO organizations (code, kind, name) VALUES ('edc', 'edc', 'Clovis EDC')")
        w.juvenile = try await id("INSERT INTO organizations (code, kind, name) VALUES ('jsd', 'juvenile_services', 'JSD')")
        let coordinatorID = try await id("INSERT INTO users (email, name, role, organization_id) VALUES ('coord@r1.example', 'Cora', 'coordinator', $1)", [consortium])
        w.coordinator = AuditActor(userID: coordinatorID, name: "coord@r1.example")
        w.caseWorkerID = try await id("INSERT INTO users (email, name, role, organization_id) VALUES ('cw@jsd.example', 'Cass', 'case_worker', $1)", [w.juvenile])
        w.employer = try await id("INSERT INTO employers (edc_id, external_id, name) VALUES ($1, 'E1', 'Acme Dairy')", [w.edc])
        let site = try await id("INSERT INTO sites (employer_id, name, address, county, latitude, longitude) VALUES ($1, 'Barn', '1 Farm Rd', 'Curry', 34.4, -103.2)", [w.employer])
        for (code, title) in [("S1", "Dairy herd assistant"), ("S2", "Cheese plant helper")] {
            w.slots.append(try await id("""
                INSERT INTO slots (edc_id, external_id, employer_id, site_id, title, kind, program_of_study, capacity, start_date, end_date, schedule)
                VALUES ($1, $2, $3, $4, $5, 'internship', 'agriculture', 2, '2027-01-15', '2027-05-20', 'Mon-Fri 15:30-18:00')
                """, [w.edc, code, w.employer, site, title]))
        }
        w.round = try await id("INSERT INTO rounds (name, max_choices) VALUES ('Spring 2027', 5)")
        return w
    }

    /// Adds a student; returns her id.
    func student(_ first: String, school: Int64? = nil, guardianEmail: String = "", language: String = "en",
                 concentrator: Bool = false, graduated: String? = nil, program: String? = "agriculture",
                 populations: [String] = []) async throws -> Int64 {
        try await pool.query("""
            INSERT INTO students (school_id, external_id, first_name, last_name, birth_date, grade, program_of_study, cte_concentrator,
                                  graduated_on, special_populations, guardian_name, guardian_email, guardian_language, transport)
            VALUES ($1, $2, $3, 'Test', '2009-03-02', 12, $4, $5, $6::date, $7, 'Rosa Test', $8, $9, 'family') RETURNING id
            """, [school ?? schoolA, first, first, program, concentrator, graduated, populations, guardianEmail, language])[0].decode("id")
    }

    /// Sets student's choices (slot ids in order) directly.
    func choose(_ student: Int64, _ slots: [Int64]) async throws {
        try await pool.execute("""
            INSERT INTO choices (round_id, student_id, rank, slot_id)
            SELECT $1, $2, t.ord, t.slot_id FROM unnest($3::bigint[]) WITH ORDINALITY AS t(slot_id, ord)
            """, [round, student, slots])
    }

    func count(_ sql: String, _ binds: [any SQLEncodable] = []) async throws -> Int {
        try await pool.query(sql, binds)[0].decode(0)
    }
}
