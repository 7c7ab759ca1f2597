/// Users, upserted by email regardless of case (coordinator only). Passwords are not imported:
/// a user without one signs in after a coordinator sets it (`wblmatch user`).
enum UserImport {
    static func run(_ context: ImportContext) async throws -> ImportCounts {
        try await context.conn.executeScript(UserImportQueries.createStage)
        try await context.copyRows(UserImportQueries.copy)
        try await context.check(UserImportQueries.problems)
        return try await context.upsert(UserImportQueries.upsert)
    }
}

/// SQL of the users import.
enum UserImportQueries {
    static let createStage = """
        CREATE TEMP TABLE stage_users (
            line int, email text, name text, role text, organization text, can_view_juvenile text, disabled text
        ) ON COMMIT DROP
        """

    static let copy = "COPY stage_users FROM STDIN"

    /// Unknown organizations, roles that do not fit the organization's kind, duplicate emails.
    static let problems = """
        SELECT s.line, 'organization' AS col, format('"%s" is not the code of an organization', s.organization) AS message
        FROM stage_users s
        WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.code = s.organization)
        UNION ALL
        SELECT s.line, 'role', format('a %s belongs to %s, but %s is a %s', s.role,
               CASE s.role WHEN 'coordinator' THEN 'the consortium' WHEN 'edc_staff' THEN 'an EDC'
                           WHEN 'counselor' THEN 'a school' WHEN 'case_worker' THEN 'juvenile services'
                           ELSE 'an employer or partner' END, o.code, o.kind)
        FROM stage_users s JOIN organizations o ON o.code = s.organization
        WHERE NOT (s.role, o.kind) IN (('coordinator', 'consortium'), ('edc_staff', 'edc'), ('counselor', 'school'),
                                       ('case_worker', 'juvenile_services'), ('employer', 'employer'), ('employer', 'partner'))
        UNION ALL
        SELECT line, 'email', format('%s appears again (first on line %s)', email, first_line)
        FROM (SELECT line, email, min(line) OVER (PARTITION BY lower(email)) AS first_line FROM stage_users) d
        WHERE line > first_line
        ORDER BY 1, 2
        """

    static let upsert = """
        WITH upserted AS (
            INSERT INTO users AS t (email, name, role, organization_id, can_view_juvenile, disabled)
            SELECT s.email, s.name, s.role, o.id, s.can_view_juvenile::boolean, s.disabled::boolean
            FROM stage_users s JOIN organizations o ON o.code = s.organization
            ON CONFLICT ((lower(email))) DO UPDATE SET
                name = excluded.name, role = excluded.role, organization_id = excluded.organization_id,
                can_view_juvenile = excluded.can_view_juvenile, disabled = excluded.disabled, updated_at = now()
            WHERE (t.name, t.role, t.organization_id, t.can_view_juvenile, t.disabled)
                  IS DISTINCT FROM (excluded.name, excluded.role, excluded.organization_id,
                                    excluded.can_view_juvenile, excluded.disabled)
            RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated
        FROM upserted
        """
}
