import Database
import Intake

/// Students, upserted by (school, student_id). A counselor imports only their own school's.
///
/// The schools are checked in memory (``StudentSchools``). A large file of schools that have no
/// students yet (a first import) is copied straight into `students` as a bulk load; any other goes
/// through a staging table and ``StagedUpsert``.
enum StudentImport {
    static func run(_ context: ImportContext) async throws -> ImportCounts {
        let conn = context.conn
        let own = context.scope(whenRole: "counselor")
        var schools = StudentSchools(ids: [:])
        for row in try await conn.query(StudentImportQueries.schools) {
            schools.ids[try row.decode(0)] = try row.decode(1)
        }
        let schoolIDs = try schools.resolve(context.batch, ownSchool: own)
        if let created = try await copiedStraightIn(context, schoolIDs: schoolIDs) {
            return ImportCounts(created: created)
        }
        try await conn.executeScript(StudentImportQueries.createStage)
        try await context.copyRows(StudentImportQueries.copy)
        if own != nil { try await conn.execute(StudentImportQueries.defaultSchool, [own]) }
        return try await context.upsert(StudentImportQueries.upsert)
    }

    /// Copies the rows straight into `students` when none of their schools has students yet and
    /// the rows are many enough for a bulk load (whose lock keeps other imports out until commit);
    /// returns how many, or nil when the rows must go the usual way. Skips the staging table, its
    /// casts and its join (100,000 students: about 0.4 s).
    private static func copiedStraightIn(_ context: ImportContext, schoolIDs: [Int64]) async throws -> Int? {
        let schools = Array(Set(schoolIDs))
        func anyStudents() async throws -> Bool {
            try await context.conn.query(StudentImportQueries.anyStudentsOf, [schools])[0].decode("any", as: Bool.self)
        }
        guard try await !anyStudents() else { return nil }
        return try await context.bulkInsert(into: "students", rows: schoolIDs.count, stillNoneStored: { try await !anyStudents() }) {
            try await context.copyRows(StudentImportQueries.copyStudents) { index, row, buffer in
                buffer.append(schoolIDs[index])
                for value in row.values.dropFirst() { buffer.append(value) }
            }
            return schoolIDs.count
        }
    }
}

/// SQL of the students import.
enum StudentImportQueries {
    static let createStage = """
        CREATE TEMP TABLE stage_students (
            line int, school text, student_id text, first_name text, last_name text, birth_date text, grade text,
            program_of_study text, cte_concentrator text, expected_graduation text, transport text, drivers_license text,
            home_latitude text, home_longitude text, availability text, summer_availability text, certifications text,
            guardian_consent_on text, work_permit text, student_learner_agreement text, vocational_ag_exemption text,
            background_check_cleared text, drug_screen_passed text, us_citizen text, special_populations text,
            guardian_name text, guardian_email text, guardian_language text
        ) ON COMMIT DROP
        """

    static let copy = "COPY stage_students FROM STDIN"

    /// Rows without a school get the counselor's own ($1).
    static let defaultSchool = "UPDATE stage_students SET school = $1 WHERE school IS NULL"

    /// Every school's code and id.
    static let schools = "SELECT code, id FROM organizations WHERE kind = 'school'"

    /// Whether any of the schools $1 has a student.
    static let anyStudentsOf = "SELECT EXISTS (SELECT 1 FROM students WHERE school_id = ANY ($1::bigint[])) AS any"

    /// The rows, school ids in place of codes, straight into `students`: the columns of ``upsert``
    /// in the file's order.
    static let copyStudents = "COPY students (\((upsert.key + upsert.columns).joined(separator: ", "))) FROM STDIN"

    /// Inserts new students, updates changed ones; returns how many of each.
    static let upsert = StagedUpsert(
        table: "students", key: ["school_id", "external_id"],
        columns: ["first_name", "last_name", "birth_date", "grade", "program_of_study", "cte_concentrator",
                  "expected_graduation", "transport", "drivers_license", "home_latitude", "home_longitude",
                  "availability", "summer_availability", "certifications", "guardian_consent_on", "work_permit",
                  "student_learner_agreement", "vocational_ag_exemption", "background_check_cleared",
                  "drug_screen_passed", "us_citizen", "special_populations", "guardian_name", "guardian_email",
                  "guardian_language"],
        incoming: """
            SELECT o.id AS school_id, s.student_id AS external_id, s.first_name, s.last_name,
                   s.birth_date::date AS birth_date, s.grade::int AS grade, s.program_of_study,
                   s.cte_concentrator::boolean AS cte_concentrator, s.expected_graduation::date AS expected_graduation,
                   s.transport, s.drivers_license::boolean AS drivers_license, s.home_latitude::float8 AS home_latitude,
                   s.home_longitude::float8 AS home_longitude, s.availability, s.summer_availability,
                   s.certifications::text[] AS certifications, s.guardian_consent_on::date AS guardian_consent_on,
                   s.work_permit::boolean AS work_permit, s.student_learner_agreement::boolean AS student_learner_agreement,
                   s.vocational_ag_exemption::boolean AS vocational_ag_exemption,
                   s.background_check_cleared::boolean AS background_check_cleared,
                   s.drug_screen_passed::boolean AS drug_screen_passed, s.us_citizen::boolean AS us_citizen,
                   s.special_populations::text[] AS special_populations, s.guardian_name, s.guardian_email,
                   s.guardian_language
            FROM stage_students s JOIN organizations o ON o.code = s.school AND o.kind = 'school'
            """)
}
