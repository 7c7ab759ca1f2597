/// Rounds, upserted by name (coordinator only).
enum RoundImport {
    static func run(_ context: ImportContext) async throws -> ImportCounts {
        try await context.conn.executeScript(RoundImportQueries.createStage)
        try await context.copyRows(RoundImportQueries.copy)
        try await context.check(RoundImportQueries.problems)
        let counts = try await context.upsert(RoundImportQueries.upsert)
        try await context.conn.execute(RoundImportQueries.linkPrevious)
        return counts
    }
}

/// SQL of the rounds import.
enum RoundImportQueries {
    static let createStage = """
        CREATE TEMP TABLE stage_rounds (
            line int, name text, max_choices text, choice_deadline text, state text, previous_round text
        ) ON COMMIT DROP
        """

    static let copy = "COPY stage_rounds FROM STDIN"

    static let problems = """
        SELECT line, 'name' AS col, format('%s appears again (first on line %s)', name, first_line) AS message
        FROM (SELECT line, name, min(line) OVER (PARTITION BY name) AS first_line FROM stage_rounds) d
        WHERE line > first_line
        UNION ALL
        SELECT s.line, 'previous_round', format('"%s" is not a round (in the database or this file)', s.previous_round)
        FROM stage_rounds s
        WHERE s.previous_round IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM rounds r WHERE r.name = s.previous_round)
          AND NOT EXISTS (SELECT 1 FROM stage_rounds p WHERE p.name = s.previous_round)
        ORDER BY 1, 2
        """

    /// Previous rounds are linked afterwards, so a file may name a round it creates; a changed
    /// previous_round counts as an update here.
    static let upsert = """
        WITH upserted AS (
            INSERT INTO rounds AS t (name, max_choices, choice_deadline, state, previous_round_id)
            SELECT s.name, s.max_choices::int, s.choice_deadline::timestamptz, s.state, p.id
            FROM stage_rounds s LEFT JOIN rounds p ON p.name = s.previous_round
            ON CONFLICT (name) DO UPDATE SET
                max_choices = excluded.max_choices, choice_deadline = excluded.choice_deadline,
                state = excluded.state, previous_round_id = excluded.previous_round_id, updated_at = now()
            WHERE (t.max_choices, t.choice_deadline, t.state, t.previous_round_id)
                  IS DISTINCT FROM (excluded.max_choices, excluded.choice_deadline, excluded.state, excluded.previous_round_id)
            RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated
        FROM upserted
        """

    static let linkPrevious = """
        UPDATE rounds r SET previous_round_id = p.id
        FROM stage_rounds s JOIN rounds p ON p.name = s.previous_round
        WHERE r.name = s.name AND r.previous_round_id IS DISTINCT FROM p.id
        """
}
