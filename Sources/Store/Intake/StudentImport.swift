/// Students, upserted by (school, student_id). A counselor imports only their own school's.
enum StudentImport {
    static func run(_ context: ImportContext) async throws -> ImportCounts {
        try await context.conn.executeScript(StudentImportQueries.createStage)
        try await context.copyRows(StudentImportQueries.copy)
        let own = context.scope(whenRole: "counselor")
        if own != nil { try await context.conn.execute(StudentImportQueries.defaultSchool, [own]) }
        try await context.check(StudentImportQueries.problems, [own])
        return try await context.upsert(StudentImportQueries.upsert)
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

    /// Missing or unknown schools, rows outside the counselor's school ($1), duplicate students.
    static let problems = """
        SELECT line, 'school' AS col, 'is required (the code of the student''s school, e.g. clovis-hs)' AS message
        FROM stage_students WHERE school IS NULL
        UNION ALL
        SELECT s.line, 'school', format('"%s" is not the code of a school', s.school)
        FROM stage_students s
        WHERE s.school IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.code = s.school AND o.kind = 'school')
        UNION ALL
        SELECT line, 'school', format('"%s" is not your school (%s): a counselor imports only their own school''s students', school, $1::text)
        FROM stage_students WHERE $1::text IS NOT NULL AND school <> $1::text
        UNION ALL
        \(StagedUpsert.repeatedKeys(stage: "stage_students", owner: "school", id: "student_id", noun: "student"))
        ORDER BY 1, 2
        """

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
