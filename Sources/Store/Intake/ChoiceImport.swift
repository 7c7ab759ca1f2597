/// Students' ranked choices in a round. Each student's list in the file replaces her stored list
/// as a whole; students not in the file keep theirs. Counts are of lists (students), not rows.
/// A counselor imports only choices of their own school's students.
enum ChoiceImport {
    static func run(_ context: ImportContext) async throws -> ImportCounts {
        let round = try await context.round()
        try await context.conn.executeScript(ChoiceImportQueries.createStage)
        try await context.copyRows(ChoiceImportQueries.copy)
        let own = context.scope(whenRole: "counselor")
        if own != nil { try await context.conn.execute(ChoiceImportQueries.defaultSchool, [own]) }
        try await context.conn.executeScript(SlotKeys.create)
        try await context.conn.executeScript(ChoiceImportQueries.resolve)
        try await context.check(ChoiceImportQueries.problems, [own, round.maxChoices])
        try await context.conn.executeScript(ChoiceImportQueries.createLists)
        try await context.conn.execute(ChoiceImportQueries.compareLists, [round.id])
        // One audit entry per changed list, written here. The round is not final (ImportContext) and
        // no rank is over its max (`problems`), so the table's triggers stand aside meanwhile (sql/0052).
        try await context.conn.execute(ChoiceImportQueries.writerAtWork, ["on"])
        try await context.conn.execute(ChoiceImportQueries.auditChanged, [round.id])
        try await context.conn.execute(ChoiceImportQueries.deleteChanged, [round.id])
        try await context.withBulkLoad(table: "choices", rowsQuery: ChoiceImportQueries.rowsToInsert) {
            try await context.conn.execute(ChoiceImportQueries.insertChanged, [round.id])
        }
        try await context.conn.execute(ChoiceImportQueries.writerAtWork, [""])
        let rows = try await context.conn.query(ChoiceImportQueries.counts)
        return ImportCounts(created: try rows[0].decode("created"), updated: try rows[0].decode("updated"),
                            unchanged: try rows[0].decode("unchanged"))
    }
}

/// SQL of the choices import.
enum ChoiceImportQueries {
    static let createStage = """
        CREATE TEMP TABLE stage_choices (line int, school text, student_id text, rank text, edc text, slot_id text) ON COMMIT DROP
        """

    static let copy = "COPY stage_choices FROM STDIN"

    static let defaultSchool = "UPDATE stage_choices SET school = $1 WHERE school IS NULL"

    /// Each row with its student and slot found (or not).
    static let resolve = """
        ANALYZE stage_choices;
        CREATE TEMP TABLE resolved_choices ON COMMIT DROP AS
        SELECT c.line, c.school, c.student_id, c.rank::int AS rank, c.edc, c.slot_id,
               so.id AS school_pk, st.id AS student_pk, k.slot_pk, k.matches, k.active
        FROM stage_choices c
        LEFT JOIN organizations so ON so.code = c.school AND so.kind = 'school'
        LEFT JOIN students st ON st.school_id = so.id AND st.external_id = c.student_id
        LEFT JOIN slot_keys k ON k.edc_key = coalesce(c.edc, '') AND k.external_id = c.slot_id;
        ANALYZE resolved_choices
        """

    /// Unknown or out-of-scope ($1) schools, unknown students and slots, inactive slots, ranks over
    /// the round's max ($2), duplicate ranks or slots of one student. The row-by-row checks look
    /// only at the rows one pass found anything wrong with (`flagged`: one scan of the rows instead
    /// of eight); duplicates are looked for only among the students whose list has any
    /// (`suspects`: one sorted pass over the rows instead of two hash aggregates of 1,000,000
    /// groups each).
    static let problems = """
        WITH flagged AS MATERIALIZED (
            SELECT * FROM resolved_choices
            WHERE school_pk IS NULL OR student_pk IS NULL OR slot_pk IS NULL OR matches > 1 OR NOT active
               OR rank > $2::int OR ($1::text IS NOT NULL AND school IS DISTINCT FROM $1::text)),
        suspects AS MATERIALIZED (
            SELECT student_pk FROM resolved_choices WHERE student_pk IS NOT NULL GROUP BY student_pk
            HAVING count(*) > count(DISTINCT rank)
                OR count(*) FILTER (WHERE slot_pk IS NOT NULL AND matches = 1)
                   > count(DISTINCT slot_pk) FILTER (WHERE slot_pk IS NOT NULL AND matches = 1))
        SELECT line, 'school' AS col, 'is required (the code of the student''s school, e.g. clovis-hs)' AS message
        FROM flagged WHERE school IS NULL
        UNION ALL
        SELECT line, 'school', format('"%s" is not the code of a school', school)
        FROM flagged WHERE school IS NOT NULL AND school_pk IS NULL
        UNION ALL
        SELECT line, 'school', format('"%s" is not your school (%s): a counselor enters choices only for their own school''s students', school, $1::text)
        FROM flagged WHERE $1::text IS NOT NULL AND school <> $1::text
        UNION ALL
        SELECT line, 'student_id', format('%s is not a student of %s (import students.csv first)', student_id, school)
        FROM flagged WHERE school_pk IS NOT NULL AND student_pk IS NULL AND ($1::text IS NULL OR school = $1::text)
        UNION ALL
        SELECT line, 'slot_id', CASE WHEN edc IS NULL THEN format('slot %s is not known', slot_id)
                                     ELSE format('slot %s of %s is not known', slot_id, edc) END
        FROM flagged WHERE slot_pk IS NULL
        UNION ALL
        SELECT line, 'slot_id', format('slot id %s is used by %s EDCs: add an edc column to say which', slot_id, matches)
        FROM flagged WHERE matches > 1
        UNION ALL
        SELECT line, 'slot_id', format('slot %s is not active and takes no choices', slot_id)
        FROM flagged WHERE matches = 1 AND NOT active
        UNION ALL
        SELECT line, 'rank', format('rank %s is more than the round allows (%s choices)', rank, $2::int)
        FROM flagged WHERE rank > $2::int
        UNION ALL
        SELECT r.line, 'rank', format('student %s already has rank %s (line %s)', r.student_id, r.rank, d.first_line)
        FROM resolved_choices r
        JOIN (SELECT student_pk, rank, min(line) AS first_line FROM resolved_choices
              WHERE student_pk IN (SELECT student_pk FROM suspects) GROUP BY student_pk, rank HAVING count(*) > 1) d
          ON d.student_pk = r.student_pk AND d.rank = r.rank AND r.line > d.first_line
        UNION ALL
        SELECT r.line, 'slot_id', format('student %s already chose slot %s (line %s)', r.student_id, r.slot_id, d.first_line)
        FROM resolved_choices r
        JOIN (SELECT student_pk, slot_pk, min(line) AS first_line FROM resolved_choices
              WHERE student_pk IN (SELECT student_pk FROM suspects) AND slot_pk IS NOT NULL AND matches = 1
              GROUP BY student_pk, slot_pk HAVING count(*) > 1) d
          ON d.student_pk = r.student_pk AND d.slot_pk = r.slot_pk AND r.line > d.first_line
        ORDER BY 1, 2
        LIMIT 10000
        """

    /// Each student's new list beside her stored list in round $1.
    static let createLists = """
        CREATE TEMP TABLE choice_lists (student_pk bigint PRIMARY KEY, existed boolean, changed boolean, new_rows int) ON COMMIT DROP
        """

    /// Each student of the file: whether she had a list in round $1 and whether the file's differs
    /// (a full join of new and stored (rank, slot) pairs: any unmatched pair means a change).
    static let compareLists = """
        INSERT INTO choice_lists (student_pk, existed, changed, new_rows)
        SELECT coalesce(n.student_pk, o.student_id), bool_or(o.student_id IS NOT NULL),
               bool_or(n.student_pk IS NULL OR o.student_id IS NULL), count(n.student_pk)
        FROM (SELECT student_pk, rank, slot_pk FROM resolved_choices) n
        FULL JOIN (SELECT c.student_id, c.rank, c.slot_id FROM choices c
                   WHERE c.round_id = $1 AND c.student_id IN (SELECT student_pk FROM resolved_choices)) o
          ON o.student_id = n.student_pk AND o.rank = n.rank AND o.slot_id = n.slot_pk
        GROUP BY 1
        """

    /// 'on' while the import writes lists it has checked and audited itself (sql/0052), '' after.
    static let writerAtWork = "SELECT set_config('wblmatch.choice_list_writer', $1::text, true)"

    /// One entry per changed list in round $1: the stored list before (null if none), the file's after.
    static let auditChanged = """
        INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
        SELECT audit_actor_user_id(), audit_actor(), CASE WHEN l.existed THEN 'update' ELSE 'insert' END,
               'choices', $1::bigint || '/' || l.student_pk, jsonb_build_object('before', o.slots, 'after', n.slots)
        FROM choice_lists l
        JOIN (SELECT r.student_pk, jsonb_agg(r.slot_pk ORDER BY r.rank) AS slots
              FROM resolved_choices r JOIN choice_lists c ON c.student_pk = r.student_pk AND c.changed
              GROUP BY 1) n ON n.student_pk = l.student_pk
        LEFT JOIN (SELECT s.student_id, jsonb_agg(s.slot_id ORDER BY s.rank) AS slots
                   FROM choices s JOIN choice_lists c ON c.student_pk = s.student_id AND c.changed AND c.existed
                   WHERE s.round_id = $1 GROUP BY 1) o ON o.student_id = l.student_pk
        WHERE l.changed
        ORDER BY l.student_pk
        """

    static let deleteChanged = """
        DELETE FROM choices c USING choice_lists l
        WHERE c.round_id = $1 AND c.student_id = l.student_pk AND l.changed AND l.existed
        """

    /// How many rows insertChanged writes.
    static let rowsToInsert = "SELECT coalesce(sum(new_rows), 0)::bigint AS n FROM choice_lists WHERE changed"

    static let insertChanged = """
        INSERT INTO choices (round_id, student_id, rank, slot_id)
        SELECT $1, r.student_pk, r.rank, r.slot_pk
        FROM resolved_choices r JOIN choice_lists l ON l.student_pk = r.student_pk
        WHERE l.changed
        """

    static let counts = """
        SELECT count(*) FILTER (WHERE NOT existed)::int AS created,
               count(*) FILTER (WHERE existed AND changed)::int AS updated,
               count(*) FILTER (WHERE NOT changed)::int AS unchanged
        FROM choice_lists
        """
}
