/// Employers' rankings of a slot's applicants in tiers, in a round. Each slot's ranking in the file
/// replaces its stored ranking as a whole. Counts are of slots. EDC staff rank only their own
/// EDC's slots, employer users only the slots of employers linked to their organization.
enum RankingImport {
    static func run(_ context: ImportContext) async throws -> ImportCounts {
        let round = try await context.round()
        try await context.conn.executeScript(RankingImportQueries.createStage)
        try await context.copyRows(RankingImportQueries.copy)
        let own = context.scope(whenRole: "edc_staff")
        if own != nil { try await context.conn.execute(RankingImportQueries.defaultEDC, [own]) }
        try await context.conn.executeScript(SlotKeys.create)
        try await context.conn.executeScript(RankingImportQueries.resolve)
        try await context.check(RankingImportQueries.problems, [own, context.scope(whenRole: "employer")])
        try await context.conn.executeScript(RankingImportQueries.createLists)
        try await context.conn.execute(RankingImportQueries.compareLists, [round.id])
        try await context.conn.execute(RankingImportQueries.deleteChanged, [round.id])
        try await context.conn.execute(RankingImportQueries.insertChanged, [round.id])
        let rows = try await context.conn.query(RankingImportQueries.counts)
        return ImportCounts(created: try rows[0].decode("created"), updated: try rows[0].decode("updated"),
                            unchanged: try rows[0].decode("unchanged"))
    }
}

/// SQL of the rankings import.
enum RankingImportQueries {
    static let createStage = """
        CREATE TEMP TABLE stage_rankings (line int, edc text, slot_id text, tier text, school text, student_id text) ON COMMIT DROP
        """

    static let copy = "COPY stage_rankings FROM STDIN"

    static let defaultEDC = "UPDATE stage_rankings SET edc = $1 WHERE edc IS NULL"

    static let resolve = """
        ANALYZE stage_rankings;
        CREATE TEMP TABLE resolved_rankings ON COMMIT DROP AS
        SELECT r.line, r.edc, r.slot_id, r.tier::int AS tier, r.school, r.student_id,
               so.id AS school_pk, st.id AS student_pk, k.slot_pk, k.matches, k.edc AS slot_edc
        FROM stage_rankings r
        LEFT JOIN organizations so ON so.code = r.school AND so.kind = 'school'
        LEFT JOIN students st ON st.school_id = so.id AND st.external_id = r.student_id
        LEFT JOIN slot_keys k ON k.edc_key = coalesce(r.edc, '') AND k.external_id = r.slot_id
        """

    /// Unknown slots and students, slots of another EDC than the user's ($1), slots of an employer
    /// not linked to the employer user's organization ($2), duplicates.
    static let problems = """
        SELECT line, 'slot_id' AS col, CASE WHEN edc IS NULL THEN format('slot %s is not known', slot_id)
                                           ELSE format('slot %s of %s is not known', slot_id, edc) END AS message
        FROM resolved_rankings WHERE slot_pk IS NULL
        UNION ALL
        SELECT line, 'slot_id', format('slot id %s is used by %s EDCs: add an edc column to say which', slot_id, matches)
        FROM resolved_rankings WHERE matches > 1
        UNION ALL
        SELECT line, 'edc', format('slot %s belongs to %s, not your EDC (%s)', slot_id, slot_edc, $1::text)
        FROM resolved_rankings WHERE $1::text IS NOT NULL AND matches = 1 AND slot_edc <> $1::text
        UNION ALL
        SELECT r.line, 'slot_id', format('slot %s is not offered by your organization (%s)', r.slot_id, $2::text)
        FROM resolved_rankings r JOIN slots s ON s.id = r.slot_pk JOIN employers e ON e.id = s.employer_id
        LEFT JOIN organizations eo ON eo.id = e.organization_id
        WHERE $2::text IS NOT NULL AND r.matches = 1 AND eo.code IS DISTINCT FROM $2::text
        UNION ALL
        SELECT line, 'school', format('"%s" is not the code of a school', school)
        FROM resolved_rankings WHERE school_pk IS NULL
        UNION ALL
        SELECT line, 'student_id', format('%s is not a student of %s', student_id, school)
        FROM resolved_rankings WHERE school_pk IS NOT NULL AND student_pk IS NULL
        UNION ALL
        SELECT r.line, 'student_id', format('student %s is ranked twice for slot %s (line %s)', r.student_id, r.slot_id, d.first_line)
        FROM resolved_rankings r
        JOIN (SELECT slot_pk, student_pk, min(line) AS first_line FROM resolved_rankings
              WHERE slot_pk IS NOT NULL AND student_pk IS NOT NULL AND matches = 1
              GROUP BY slot_pk, student_pk HAVING count(*) > 1) d
          ON d.slot_pk = r.slot_pk AND d.student_pk = r.student_pk AND r.line > d.first_line
        ORDER BY 1, 2
        LIMIT 10000
        """

    static let createLists = """
        CREATE TEMP TABLE ranking_lists (slot_pk bigint PRIMARY KEY, existed boolean, changed boolean) ON COMMIT DROP
        """

    /// Each slot of the file: whether it had a ranking in round $1 and whether the file's differs.
    static let compareLists = """
        INSERT INTO ranking_lists (slot_pk, existed, changed)
        SELECT coalesce(n.slot_pk, o.slot_id), bool_or(o.slot_id IS NOT NULL),
               bool_or(n.slot_pk IS NULL OR o.slot_id IS NULL)
        FROM (SELECT slot_pk, student_pk, tier FROM resolved_rankings) n
        FULL JOIN (SELECT r.slot_id, r.student_id, r.tier FROM rankings r
                   WHERE r.round_id = $1 AND r.slot_id IN (SELECT slot_pk FROM resolved_rankings)) o
          ON o.slot_id = n.slot_pk AND o.student_id = n.student_pk AND o.tier = n.tier
        GROUP BY 1
        """

    static let deleteChanged = """
        DELETE FROM rankings r USING ranking_lists l
        WHERE r.round_id = $1 AND r.slot_id = l.slot_pk AND l.changed AND l.existed
        """

    static let insertChanged = """
        INSERT INTO rankings (round_id, slot_id, student_id, tier)
        SELECT $1, r.slot_pk, r.student_pk, r.tier
        FROM resolved_rankings r JOIN ranking_lists l ON l.slot_pk = r.slot_pk
        WHERE l.changed
        """

    static let counts = """
        SELECT count(*) FILTER (WHERE NOT existed)::int AS created,
               count(*) FILTER (WHERE existed AND changed)::int AS updated,
               count(*) FILTER (WHERE NOT changed)::int AS unchanged
        FROM ranking_lists
        """
}
