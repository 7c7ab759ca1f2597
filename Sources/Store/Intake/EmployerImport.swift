/// Employers, upserted by (EDC, employer_id). EDC staff import only their own EDC's.
enum EmployerImport {
    static func run(_ context: ImportContext) async throws -> ImportCounts {
        try await context.conn.executeScript(EmployerImportQueries.createStage)
        try await context.copyRows(EmployerImportQueries.copy)
        let own = context.scope(whenRole: "edc_staff")
        if own != nil { try await context.conn.execute(EmployerImportQueries.defaultEDC, [own]) }
        try await context.check(EmployerImportQueries.problems, [own])
        return try await context.upsert(EmployerImportQueries.upsert)
    }
}

/// SQL of the employers import.
enum EmployerImportQueries {
    static let createStage = """
        CREATE TEMP TABLE stage_employers (line int, edc text, employer_id text, name text, industry text, organization text) ON COMMIT DROP
        """

    static let copy = "COPY stage_employers FROM STDIN"

    static let defaultEDC = "UPDATE stage_employers SET edc = $1 WHERE edc IS NULL"

    /// Missing or unknown EDCs, rows of another EDC than the user's ($1), duplicates.
    static let problems = """
        SELECT line, 'edc' AS col, 'is required (the code of the EDC, e.g. edc-clovis)' AS message
        FROM stage_employers WHERE edc IS NULL
        UNION ALL
        SELECT s.line, 'edc', format('"%s" is not the code of an EDC', s.edc)
        FROM stage_employers s
        WHERE s.edc IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.code = s.edc AND o.kind = 'edc')
        UNION ALL
        SELECT line, 'edc', format('"%s" is not your EDC (%s): EDC staff import only their own EDC''s employers', edc, $1::text)
        FROM stage_employers WHERE $1::text IS NOT NULL AND edc <> $1::text
        UNION ALL
        SELECT s.line, 'organization', format('"%s" is not the code of an employer''s own organization (kind employer or partner)', s.organization)
        FROM stage_employers s
        WHERE s.organization IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.code = s.organization AND o.kind IN ('employer', 'partner'))
        UNION ALL
        \(StagedUpsert.repeatedKeys(stage: "stage_employers", owner: "edc", id: "employer_id", noun: "employer"))
        ORDER BY 1, 2
        """

    /// An empty `organization` cell (or no such column) keeps the employer's stored link.
    static let upsert = StagedUpsert(
        table: "employers", key: ["edc_id", "external_id"],
        columns: ["name", "industry", "organization_id"],
        incoming: """
            SELECT o.id AS edc_id, s.employer_id AS external_id, s.name, s.industry,
                   coalesce(eo.id, stored.organization_id) AS organization_id
            FROM stage_employers s JOIN organizations o ON o.code = s.edc AND o.kind = 'edc'
            LEFT JOIN organizations eo ON eo.code = s.organization AND eo.kind IN ('employer', 'partner')
            LEFT JOIN employers stored ON stored.edc_id = o.id AND stored.external_id = s.employer_id
            """,
        incomingReadsTable: true)
}
