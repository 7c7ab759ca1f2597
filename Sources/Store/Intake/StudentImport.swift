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
        SELECT line, 'student_id', format('student %s of %s appears again (first on line %s)', student_id, school, first_line)
        FROM (SELECT line, school, student_id, min(line) OVER (PARTITION BY school, student_id) AS first_line
              FROM stage_students) d
        WHERE line > first_line
        ORDER BY 1, 2
        """

    /// Inserts new students, updates changed ones; returns how many of each.
    static let upsert = """
        WITH upserted AS (
            INSERT INTO students AS t (
                school_id, external_id, first_name, last_name, birth_date, grade, program_of_study, cte_concentrator,
                expected_graduation, transport, drivers_license, home_latitude, home_longitude, availability,
                summer_availability, certifications, guardian_consent_on, work_permit, student_learner_agreement,
                vocational_ag_exemption, background_check_cleared, drug_screen_passed, us_citizen, special_populations,
                guardian_name, guardian_email, guardian_language)
            SELECT o.id, s.student_id, s.first_name, s.last_name, s.birth_date::date, s.grade::int, s.program_of_study,
                   s.cte_concentrator::boolean, s.expected_graduation::date, s.transport, s.drivers_license::boolean,
                   s.home_latitude::float8, s.home_longitude::float8, s.availability, s.summer_availability,
                   s.certifications::text[], s.guardian_consent_on::date, s.work_permit::boolean,
                   s.student_learner_agreement::boolean, s.vocational_ag_exemption::boolean,
                   s.background_check_cleared::boolean, s.drug_screen_passed::boolean, s.us_citizen::boolean,
                   s.special_populations::text[], s.guardian_name, s.guardian_email, s.guardian_language
            FROM stage_students s JOIN organizations o ON o.code = s.school AND o.kind = 'school'
            ON CONFLICT (school_id, external_id) DO UPDATE SET
                first_name = excluded.first_name, last_name = excluded.last_name, birth_date = excluded.birth_date,
                grade = excluded.grade, program_of_study = excluded.program_of_study,
                cte_concentrator = excluded.cte_concentrator, expected_graduation = excluded.expected_graduation,
                transport = excluded.transport, drivers_license = excluded.drivers_license,
                home_latitude = excluded.home_latitude, home_longitude = excluded.home_longitude,
                availability = excluded.availability, summer_availability = excluded.summer_availability,
                certifications = excluded.certifications, guardian_consent_on = excluded.guardian_consent_on,
                work_permit = excluded.work_permit, student_learner_agreement = excluded.student_learner_agreement,
                vocational_ag_exemption = excluded.vocational_ag_exemption,
                background_check_cleared = excluded.background_check_cleared,
                drug_screen_passed = excluded.drug_screen_passed, us_citizen = excluded.us_citizen,
                special_populations = excluded.special_populations, guardian_name = excluded.guardian_name,
                guardian_email = excluded.guardian_email, guardian_language = excluded.guardian_language,
                updated_at = now()
            WHERE (t.first_name, t.last_name, t.birth_date, t.grade, t.program_of_study, t.cte_concentrator,
                   t.expected_graduation, t.transport, t.drivers_license, t.home_latitude, t.home_longitude,
                   t.availability, t.summer_availability, t.certifications, t.guardian_consent_on, t.work_permit,
                   t.student_learner_agreement, t.vocational_ag_exemption, t.background_check_cleared,
                   t.drug_screen_passed, t.us_citizen, t.special_populations, t.guardian_name, t.guardian_email,
                   t.guardian_language)
              IS DISTINCT FROM
                  (excluded.first_name, excluded.last_name, excluded.birth_date, excluded.grade,
                   excluded.program_of_study, excluded.cte_concentrator, excluded.expected_graduation,
                   excluded.transport, excluded.drivers_license, excluded.home_latitude, excluded.home_longitude,
                   excluded.availability, excluded.summer_availability, excluded.certifications,
                   excluded.guardian_consent_on, excluded.work_permit, excluded.student_learner_agreement,
                   excluded.vocational_ag_exemption, excluded.background_check_cleared, excluded.drug_screen_passed,
                   excluded.us_citizen, excluded.special_populations, excluded.guardian_name, excluded.guardian_email,
                   excluded.guardian_language)
            RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated
        FROM upserted
        """
}
