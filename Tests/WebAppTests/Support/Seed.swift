import Database
import WebApp

/// A small consortium: two schools, two EDCs, one user of every role (and a second counselor and
/// EDC staff member for id-swapping), employers, slots, students and an open round.
struct Seed: Sendable {
    static let password = "correct horse battery staple"

    var consortium: Int64 = 0
    var clovisHS: Int64 = 0
    var portalesHS: Int64 = 0
    var clovisEDC: Int64 = 0
    var portalesEDC: Int64 = 0
    var juvenile: Int64 = 0
    var employerOrg: Int64 = 0
    /// Slots of the Clovis EDC (3) and of the Portales EDC (1).
    var clovisSlots: [Int64] = []
    var portalesSlot: Int64 = 0
    var clovisEmployer: Int64 = 0
    var clovisSite: Int64 = 0
    /// Students of Clovis HS (2) and of Portales HS (1).
    var clovisStudents: [Int64] = []
    var portalesStudent: Int64 = 0
    var roundID: Int64 = 0
    var userIDs: [String: Int64] = [:]

    /// Emails by role; `counselor2` and `edc2` belong to the other school and EDC.
    static let emails: [String: String] = [
        "coordinator": "coord@region1.example", "counselor": "counselor@clovis.example", "counselor2": "counselor@portales.example",
        "edc_staff": "staff@edc-clovis.example", "edc2": "staff@edc-portales.example", "case_worker": "worker@jsd.example",
        "employer": "hr@acme.example",
    ]

    static func insert(_ pool: DatabasePool) async throws -> Seed {
        var seed = Seed()
        func id(_ rows: [Row]) throws -> Int64 { try rows[0].decode("id", as: Int64.self) }
        func org(_ code: String, _ kind: String, _ name: String) async throws -> Int64 {
            try id(try await pool.query("INSERT INTO organizations (code, kind, name, county, latitude, longitude) VALUES ($1, $2, $3, 'Curry', 34.4, -103.2) RETURNING id", [code, kind, name]))
        }
        seed.consortium = try await org("region1", "consortium", "Region I Consortium")
        seed.clovisHS = try await org("clovis-hs", "school", "Clovis High School")
        seed.portalesHS = try await org("portales-hs", "school", "Portales High School")
        seed.clovisEDC = try await org("edc-clovis", "edc", "Clovis EDC")
        seed.portalesEDC = try await org("edc-portales", "edc", "Portales EDC")
        seed.juvenile = try await org("jsd-curry", "juvenile_services", "Curry County Juvenile Services")
        seed.employerOrg = try await org("acme", "employer", "Acme Dairy")

        let hash = try await PasswordHasher(cost: 4).hash(password)
        let users: [(String, String, String, Int64)] = [
            ("coordinator", "Cora Coordinator", "coordinator", seed.consortium),
            ("counselor", "Carla Counselor", "counselor", seed.clovisHS),
            ("counselor2", "Pat Portales", "counselor", seed.portalesHS),
            ("edc_staff", "Ed Clovis", "edc_staff", seed.clovisEDC),
            ("edc2", "Eve Portales", "edc_staff", seed.portalesEDC),
            ("case_worker", "Cass Worker", "case_worker", seed.juvenile),
            ("employer", "Emma Employer", "employer", seed.employerOrg),
        ]
        for (key, name, role, org) in users {
            seed.userIDs[key] = try id(try await pool.query(
                "INSERT INTO users (email, name, role, organization_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                [emails[key]!, name, role, org, hash]))
        }

        func employer(_ edc: Int64, _ code: String, _ name: String) async throws -> (Int64, Int64) {
            let e = try id(try await pool.query("INSERT INTO employers (edc_id, external_id, name) VALUES ($1, $2, $3) RETURNING id", [edc, code, name]))
            let s = try id(try await pool.query(
                "INSERT INTO sites (employer_id, name, county, latitude, longitude) VALUES ($1, 'Main', 'Curry', 34.4, -103.2) RETURNING id", [e]))
            return (e, s)
        }
        let (clovisEmployer, clovisSite) = try await employer(seed.clovisEDC, "E1", "Acme Dairy")
        let (portalesEmployer, portalesSite) = try await employer(seed.portalesEDC, "P1", "Portales Welding")
        seed.clovisEmployer = clovisEmployer
        // Acme Dairy's own organization: its employer user ranks the applicants of its slots.
        _ = try await pool.execute("UPDATE employers SET organization_id = $1 WHERE id = $2", [seed.employerOrg, clovisEmployer])
        seed.clovisSite = clovisSite
        func slot(_ edc: Int64, _ employer: Int64, _ site: Int64, _ code: String, _ title: String) async throws -> Int64 {
            try id(try await pool.query("""
                INSERT INTO slots (edc_id, external_id, employer_id, site_id, title, kind, program_of_study, capacity, start_date, end_date, schedule)
                VALUES ($1, $2, $3, $4, $5, 'internship', 'agriculture', 2, '2027-01-15', '2027-05-20', 'Mon-Fri 15:30-18:00') RETURNING id
                """, [edc, code, employer, site, title]))
        }
        seed.clovisSlots = [
            try await slot(seed.clovisEDC, clovisEmployer, clovisSite, "S1", "Dairy herd assistant"),
            try await slot(seed.clovisEDC, clovisEmployer, clovisSite, "S2", "Cheese plant helper"),
            try await slot(seed.clovisEDC, clovisEmployer, clovisSite, "S3", "Farm office intern"),
        ]
        seed.portalesSlot = try await slot(seed.portalesEDC, portalesEmployer, portalesSite, "W1", "Welding shop intern")

        func student(_ school: Int64, _ code: String, _ first: String, _ last: String) async throws -> Int64 {
            try id(try await pool.query("""
                INSERT INTO students (school_id, external_id, first_name, last_name, birth_date, grade, transport, guardian_consent_on,
                                      home_latitude, home_longitude, availability, program_of_study)
                VALUES ($1, $2, $3, $4, '2009-03-02', 11, 'family', '2026-09-01', 34.41, -103.21, 'Mon-Fri 15:00-19:00', 'agriculture') RETURNING id
                """, [school, code, first, last]))
        }
        seed.clovisStudents = [
            try await student(seed.clovisHS, "C-100", "Maria", "Pena"),
            try await student(seed.clovisHS, "C-101", "Juan", "Baca"),
        ]
        seed.portalesStudent = try await student(seed.portalesHS, "P-200", "Ava", "Lopez")
        seed.roundID = try id(try await pool.query("INSERT INTO rounds (name, max_choices) VALUES ('Spring 2027', 3) RETURNING id"))
        return seed
    }
}
