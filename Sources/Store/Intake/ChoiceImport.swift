import Database
import Intake
import Parallel

/// Students' ranked choices in a round. Each student's list in the file replaces her stored list
/// as a whole; students not in the file keep theirs. Counts are of lists (students), not rows.
/// A counselor imports only choices of their own school's students.
///
/// The rows are checked and turned into ids in memory (``ChoiceReferences``), then copied as ids into
/// a temporary table; comparing, auditing and writing the lists are set-based in SQL.
enum ChoiceImport {
    static func run(_ context: ImportContext) async throws -> ImportCounts {
        let round = try await context.round()
        let own = context.scope(whenRole: "counselor")
        let references = try await references(context.conn, ownSchool: own)
        let choices = try references.resolve(context.batch, ownSchool: own, maxChoices: round.maxChoices)
        try await context.conn.execute(ChoiceImportQueries.createResolved)
        try await copy(choices, on: context.conn)
        try await context.conn.execute(ChoiceImportQueries.analyzeResolved)
        try await context.conn.executeScript(ChoiceImportQueries.createLists)
        try await context.conn.execute(ChoiceImportQueries.compareLists, [round.id])
        // One audit entry per changed list, written here. The round is not final (ImportContext) and
        // no rank is over its max (`resolve`), so the table's triggers stand aside meanwhile (sql/0052).
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

    /// Every school, the students the user may enter choices for (a counselor: her school's), and
    /// every slot: a region's worth is small beside a large file, and one read of each is cheaper
    /// than joining every row of the file against them in SQL.
    static func references(_ conn: Connection, ownSchool: String?) async throws -> ChoiceReferences {
        var references = ChoiceReferences()
        for row in try await conn.query(ChoiceImportQueries.schools) {
            references.schools.insert(try row.decode(0))
        }
        let students = try await conn.query(ChoiceImportQueries.students, [ownSchool])
        for row in students {
            references.addStudent(school: try row.decode(0), studentID: try row.decode(1), id: try row.decode(2))
        }
        for row in try await conn.query(ChoiceImportQueries.slots) {
            references.addSlot(edc: try row.decode(0), slotID: try row.decode(1), id: try row.decode(2), active: try row.decode(3))
        }
        return references
    }

    /// Copies the resolved rows into `resolved_choices`, formatted on every core.
    static func copy(_ choices: [ResolvedChoice], on conn: Connection) async throws {
        let pieces = chunks(of: choices.count)
        let buffers = inParallel(count: pieces.count) { piece in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(pieces[piece].count * 24)
            for choice in choices[pieces[piece]] {
                CopyText.appendDecimal(choice.studentID, to: &buffer)
                buffer.append(9)
                CopyText.appendDecimal(Int64(choice.rank), to: &buffer)
                buffer.append(9)
                CopyText.appendDecimal(choice.slotID, to: &buffer)
                buffer.append(10)
            }
            return buffer
        }
        try await conn.copyIn(ChoiceImportQueries.copyResolved) { writer in
            for buffer in buffers where !buffer.isEmpty { try await writer.write(buffer) }
        }
    }
}

/// SQL of the choices import.
enum ChoiceImportQueries {
    static let schools = "SELECT code FROM organizations WHERE kind = 'school'"

    /// The students of school $1, or of every school when $1 is NULL.
    static let students = """
        SELECT o.code, s.external_id, s.id FROM students s JOIN organizations o ON o.id = s.school_id
        WHERE o.kind = 'school' AND ($1::text IS NULL OR o.code = $1::text)
        """

    static let slots = "SELECT o.code, s.external_id, s.id, s.active FROM slots s JOIN organizations o ON o.id = s.edc_id"

    /// The file's rows as ids, checked (ChoiceReferences.resolve).
    static let createResolved = """
        CREATE TEMP TABLE resolved_choices (student_pk bigint NOT NULL, rank int NOT NULL, slot_pk bigint NOT NULL) ON COMMIT DROP
        """

    static let copyResolved = "COPY resolved_choices FROM STDIN"

    static let analyzeResolved = "ANALYZE resolved_choices"

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
