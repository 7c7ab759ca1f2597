/// Organizations, upserted by code (coordinator only).
enum OrganizationImport {
    static func run(_ context: ImportContext) async throws -> ImportCounts {
        try await context.conn.executeScript(OrganizationImportQueries.createStage)
        try await context.copyRows(OrganizationImportQueries.copy)
        try await context.check(OrganizationImportQueries.problems)
        return try await context.upsert(OrganizationImportQueries.upsert)
    }
}

/// SQL of the organizations import.
enum OrganizationImportQueries {
    static let createStage = """
        CREATE TEMP TABLE stage_organizations (
            line int, code text, kind text, name text, county text, latitude text, longitude text
        ) ON COMMIT DROP
        """

    static let copy = "COPY stage_organizations FROM STDIN"

    /// Duplicate codes; a kind change of an organization that users or data already refer to.
    static let problems = """
        SELECT line, 'code' AS col, format('%s appears again (first on line %s)', code, first_line) AS message
        FROM (SELECT line, code, min(line) OVER (PARTITION BY code) AS first_line FROM stage_organizations) d
        WHERE line > first_line
        UNION ALL
        SELECT s.line, 'kind', format('%s is a %s; its kind cannot change to %s', s.code, o.kind, s.kind)
        FROM stage_organizations s JOIN organizations o ON o.code = s.code
        WHERE o.kind <> s.kind
        ORDER BY 1, 2
        """

    static let upsert = """
        WITH upserted AS (
            INSERT INTO organizations AS t (code, kind, name, county, latitude, longitude)
            SELECT code, kind, name, county, latitude::float8, longitude::float8 FROM stage_organizations
            ON CONFLICT (code) DO UPDATE SET
                name = excluded.name, county = excluded.county, latitude = excluded.latitude,
                longitude = excluded.longitude, updated_at = now()
            WHERE (t.name, t.county, t.latitude, t.longitude)
                  IS DISTINCT FROM (excluded.name, excluded.county, excluded.latitude, excluded.longitude)
            RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated
        FROM upserted
        """
}
