import Database
import Intake
import Parallel

/// Students' ranked choices in a round. Each student's list in the file replaces her stored list
/// as a whole; students not in the file keep theirs. Counts are of lists (students), not rows.
/// A counselor imports only choices of their own school's students.
///
/// The rows are checked and turned into ids in memory (``ChoiceReferences``) and compared there with
/// the stored lists of the same students (``ChoiceListChanges``); only the lists that change are
/// copied back, with their audit entries, and written set-based.
enum ChoiceImport {
    static func run(_ context: ImportContext) async throws -> ImportCounts {
        let conn = context.conn
        let round = try await context.round()
        let own = context.scope(whenRole: "counselor")
        let references = try await references(conn, ownSchool: own)
        let lists = try references.resolve(context.batch, ownSchool: own, maxChoices: round.maxChoices)
        let stored = try await storedLists(conn, of: lists, round: round.id)
        let changes = ChoiceListChanges(lists: lists, stored: stored)
        let created = changes.changed.count { $0.before == nil }
        if !changes.changed.isEmpty {
            let actor = try await conn.query(ChoiceImportQueries.actor)[0]
            let text = copyText(of: changes, in: lists, round: round.id,
                                actor: (try actor.decode("user_id"), try actor.decode("actor")))
            try await conn.execute(ChoiceImportQueries.createChanged)
            try await conn.copyIn(ChoiceImportQueries.copyChanged) { writer in
                for buffer in text.students where !buffer.isEmpty { try await writer.write(buffer) }
            }
            try await conn.execute(ChoiceImportQueries.analyzeChanged)
            // One audit entry per changed list, written here. The round is not final (ImportContext) and
            // no rank is over its max (`resolve`), so the table's triggers stand aside meanwhile (sql/0052).
            try await conn.execute(ChoiceImportQueries.writerAtWork, ["on"])
            try await conn.copyIn(ChoiceImportQueries.copyAudit) { writer in
                for buffer in text.audit where !buffer.isEmpty { try await writer.write(buffer) }
            }
            let deleted = try await conn.query(ChoiceImportQueries.deleteChanged, [round.id])[0]
            guard try deleted.decode("rows", as: Int.self) == changes.replaced.rows,
                  try deleted.decode("digest", as: Int64.self) == changes.replaced.digest else {
                throw IntakeProblems([IntakeProblem(file: context.batch.fileName, line: 0, message:
                    "some of these students' choices were changed by someone else while the file was being imported, so nothing was imported: import the file again")])
            }
            let rows = changes.changed.reduce(0) { $0 + $1.rows.count }
            try await conn.withBulkLoad(table: "choices", rows: rows) {
                try await conn.copyIn(ChoiceImportQueries.copyChoices) { writer in
                    for buffer in text.rows where !buffer.isEmpty { try await writer.write(buffer) }
                }
            }
            try await conn.execute(ChoiceImportQueries.writerAtWork, [""])
        }
        return ImportCounts(created: created, updated: changes.changed.count - created, unchanged: changes.unchanged)
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

    /// The stored rows, in round `round`, of the students `lists` are of: their ids go to a
    /// temporary table, and the rows come back through one `COPY`.
    static func storedLists(_ conn: Connection, of lists: [ResolvedChoice], round: Int) async throws -> [ResolvedChoice] {
        try await conn.executeScript(ChoiceImportQueries.createFileStudents)
        var students = CopyTextBuffer()
        var last: Int64?
        for choice in lists where choice.studentID != last {
            last = choice.studentID
            students.append(round)
            students.append(choice.studentID)
            students.endRow()
        }
        try await conn.copyIn(ChoiceImportQueries.copyFileStudents) { writer in
            if students.count > 0 { try await writer.write(students.bytes) }
        }
        try await conn.execute(ChoiceImportQueries.analyzeFileStudents)
        var stored: [ResolvedChoice] = []
        var reader = CopyTextRows()
        for try await chunk in conn.copyOut(ChoiceImportQueries.storedRows) {
            reader.feed(chunk) { row in
                stored.append(ResolvedChoice(studentID: row.int64(0) ?? 0, rank: row.int(1) ?? 0, slotID: row.int64(2) ?? 0))
            }
        }
        return stored
    }

    /// The changed lists as COPY text, formatted on every core: their students for
    /// `changed_lists`, one audit entry each (by `actor`, in the file's order of students), and
    /// their rows for `choices` itself.
    static func copyText(of changes: ChoiceListChanges, in lists: [ResolvedChoice], round: Int,
                         actor: (userID: Int64?, name: String)) -> (students: [[UInt8]], audit: [[UInt8]], rows: [[UInt8]]) {
        let changed = changes.changed
        let pieces = chunks(of: changed.count)
        let buffers = inParallel(count: pieces.count) { piece in
            let rows = changed[pieces[piece]].reduce(0) { $0 + $1.rows.count }
            var students = CopyTextBuffer(capacity: pieces[piece].count * 8)
            var audit = CopyTextBuffer(capacity: pieces[piece].count * 96 + rows * 16)
            var choiceRows = CopyTextBuffer(capacity: rows * 32)
            for change in changed[pieces[piece]] {
                students.append(change.studentID)
                students.endRow()
                audit.append(actor.userID)
                audit.append(actor.name)
                audit.append(change.before == nil ? "insert" : "update")
                audit.append("choices")
                audit.append("\(round)/\(change.studentID)")
                audit.append(auditDetail(before: change.before, after: lists[change.rows].map(\.slotID)))
                audit.endRow()
                for choice in lists[change.rows] {
                    choiceRows.append(round)
                    choiceRows.append(choice.studentID)
                    choiceRows.append(choice.rank)
                    choiceRows.append(choice.slotID)
                    choiceRows.endRow()
                }
            }
            return (students.bytes, audit.bytes, choiceRows.bytes)
        }
        return (buffers.map(\.0), buffers.map(\.1), buffers.map(\.2))
    }

    /// `{"before": [slot, …] or null, "after": [slot, …]}`: the value `jsonb_build_object` made in SQL.
    static func auditDetail(before: [Int64]?, after: [Int64]) -> String {
        func list(_ slots: [Int64]?) -> String {
            slots.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" } ?? "null"
        }
        return #"{"before": "# + list(before) + #", "after": "# + list(after) + "}"
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

    /// The students of the file, each with the round (so the stored rows are read without a parameter COPY cannot take).
    static let createFileStudents = """
        CREATE TEMP TABLE file_students (round_id bigint NOT NULL, student_pk bigint NOT NULL) ON COMMIT DROP
        """

    static let copyFileStudents = "COPY file_students FROM STDIN"

    static let analyzeFileStudents = "ANALYZE file_students"

    static let storedRows = """
        COPY (SELECT c.student_id, c.rank, c.slot_id FROM choices c
              JOIN file_students f ON c.round_id = f.round_id AND c.student_id = f.student_pk) TO STDOUT
        """

    /// The students whose lists the file changes.
    static let createChanged = """
        CREATE TEMP TABLE changed_lists (student_pk bigint NOT NULL) ON COMMIT DROP
        """

    static let copyChanged = "COPY changed_lists FROM STDIN"

    static let analyzeChanged = "ANALYZE changed_lists"

    /// The changed lists' rows go straight into `choices`, once the lists they replace are deleted.
    static let copyChoices = "COPY choices (round_id, student_id, rank, slot_id) FROM STDIN"

    /// 'on' while the import writes lists it has checked and audited itself (sql/0052), '' after.
    static let writerAtWork = "SELECT set_config('wblmatch.choice_list_writer', $1::text, true)"

    /// Who the import's audit entries name: the values every audit trigger takes (sql/0030).
    static let actor = "SELECT audit_actor_user_id() AS user_id, audit_actor() AS actor"

    /// One entry per changed list, straight into the log: through a temporary table and
    /// `INSERT … SELECT`, 133,350 entries took about 0.3 s more.
    static let copyAudit = "COPY audit_log (actor_user_id, actor, action, entity, entity_id, detail) FROM STDIN"

    /// Deletes the stored lists the file replaces; returns how many rows it deleted and their
    /// digest (ChoiceListChanges.digest), to be compared with the rows the lists were compared with.
    static let deleteChanged = """
        WITH gone AS (
            DELETE FROM choices c USING changed_lists l
            WHERE c.round_id = $1 AND c.student_id = l.student_pk
            RETURNING c.student_id, c.rank, c.slot_id)
        SELECT count(*)::int AS rows,
               coalesce(sum((student_id % 1000033) * 7 + (slot_id % 1000003) * (rank + 1) * 31), 0)::bigint AS digest
        FROM gone
        """
}
