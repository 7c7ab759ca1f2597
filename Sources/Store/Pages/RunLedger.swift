import Database

/// A match run as the coordinator's list shows it.
public struct RunSummary: Sendable, Equatable {
    public var id: Int64
    public var roundID: Int64
    public var roundName: String
    public var kind: String
    public var state: String
    public var startedAt: String
    public var finishedAt: String?
    public var verified: Bool
    public var studentsCount: Int?
    public var assignedCount: Int?
    public var unassignedCount: Int?
    public var error: String?
}

/// One student's outcome in a run.
public struct AssignmentLine: Sendable, Equatable {
    public var studentID: Int64
    public var studentName: String
    public var schoolID: Int64
    public var schoolName: String
    public var slotID: Int64?
    public var slotTitle: String?
    public var employerName: String?
    public var choiceRank: Int?
}

/// Why a student did or did not get one of her choices.
public struct ExplanationLine: Sendable, Equatable {
    public var choiceRank: Int
    public var slotTitle: String
    public var employerName: String
    public var outcome: String
    public var message: String
    public var reasonCodes: [String]
}

/// One student whose outcome differs between two runs.
public struct RunDifference: Sendable, Equatable {
    public var studentID: Int64
    public var studentName: String
    public var before: String?
    public var after: String?
}

/// Match runs, their assignments and explanations, for coordinators (every school) and
/// counselors (their school's students only, published runs only).
public struct RunLedger: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// The newest runs first.
    public func list(limit: Int = 50) async throws -> [RunSummary] {
        try await pool.withConnection { conn in
            try await conn.query(RunQueries.list, [Int64(limit)]).map(Self.summary)
        }
    }

    /// Run `id`, or nil.
    public func find(id: Int64) async throws -> RunSummary? {
        try await pool.withConnection { conn in
            try await conn.query(RunQueries.find, [id]).first.map(Self.summary)
        }
    }

    /// The run before `run` in the same round, or nil.
    public func previous(of run: RunSummary) async throws -> RunSummary? {
        try await pool.withConnection { conn in
            try await conn.query(RunQueries.previous, [run.roundID, run.id]).first.map(Self.summary)
        }
    }

    /// Assignments of run `runID` for students in `scope`, matching `search`.
    public func assignments(runID: Int64, scope: RowScope, search: String = "", limit: Int = 500) async throws -> [AssignmentLine] {
        guard scope.reachesStudents else { return [] }
        return try await pool.withConnection { conn in
            try await conn.query(RunQueries.assignments, [runID, scope.schoolFilter, likePattern(search), Int64(limit)]).map { row in
                AssignmentLine(
                    studentID: try row.decode("student_id", as: Int64.self), studentName: try row.decode("student_name", as: String.self),
                    schoolID: try row.decode("school_id", as: Int64.self), schoolName: try row.decode("school_name", as: String.self),
                    slotID: try row.decode("slot_id", as: Int64?.self), slotTitle: try row.decode("slot_title", as: String?.self),
                    employerName: try row.decode("employer_name", as: String?.self), choiceRank: try row.decode("choice_rank", as: Int?.self))
            }
        }
    }

    /// Explanations for `studentID` in run `runID`. Where one rests on juvenile-services data it
    /// reads in full only when `includeConfidential`; otherwise its public (masked) sentence.
    public func explanations(runID: Int64, studentID: Int64, includeConfidential: Bool) async throws -> [ExplanationLine] {
        try await pool.withConnection { conn in
            try await conn.query(RunQueries.explanations, [runID, studentID, includeConfidential]).map { row in
                ExplanationLine(
                    choiceRank: try row.decode("choice_rank", as: Int.self), slotTitle: try row.decode("title", as: String.self),
                    employerName: try row.decode("employer_name", as: String.self), outcome: try row.decode("outcome", as: String.self),
                    message: try row.decode("message", as: String.self), reasonCodes: try row.decode("reason_codes", as: [String].self))
            }
        }
    }

    /// Students whose slot differs between `before` and `after`.
    public func differences(before: Int64, after: Int64, limit: Int = 1000) async throws -> [RunDifference] {
        try await pool.withConnection { conn in
            try await conn.query(RunQueries.diff, [before, after, Int64(limit)]).map { row in
                RunDifference(studentID: try row.decode("student_id", as: Int64.self), studentName: try row.decode("student_name", as: String.self),
                              before: try row.decode("before", as: String?.self), after: try row.decode("after", as: String?.self))
            }
        }
    }

    static func summary(_ row: Row) throws -> RunSummary {
        RunSummary(
            id: try row.decode("id", as: Int64.self), roundID: try row.decode("round_id", as: Int64.self),
            roundName: try row.decode("round_name", as: String.self), kind: try row.decode("kind", as: String.self),
            state: try row.decode("state", as: String.self), startedAt: try row.decode("started", as: String.self),
            finishedAt: try row.decode("finished", as: String?.self), verified: try row.decode("verified", as: Bool.self),
            studentsCount: try row.decode("students_count", as: Int?.self), assignedCount: try row.decode("assigned_count", as: Int?.self),
            unassignedCount: try row.decode("unassigned_count", as: Int?.self), error: try row.decode("error", as: String?.self))
    }
}

/// The SQL of ``RunLedger``.
enum RunQueries {
    static let columns = """
        r.id, r.round_id, ro.name AS round_name, r.kind, r.state, to_char(r.started_at, 'YYYY-MM-DD HH24:MI') AS started,
        to_char(r.finished_at, 'YYYY-MM-DD HH24:MI') AS finished, r.verified, r.students_count, r.assigned_count,
        r.unassigned_count, r.error
        """
    static let list = "SELECT \(columns) FROM match_runs r JOIN rounds ro ON ro.id = r.round_id ORDER BY r.started_at DESC, r.id DESC LIMIT $1"
    static let find = "SELECT \(columns) FROM match_runs r JOIN rounds ro ON ro.id = r.round_id WHERE r.id = $1"
    static let previous = """
        SELECT \(columns) FROM match_runs r JOIN rounds ro ON ro.id = r.round_id
        WHERE r.round_id = $1 AND r.id < $2 AND r.state IN ('succeeded', 'published')
        ORDER BY r.id DESC LIMIT 1
        """
    /// Assignments of run $1 for school $2 (NULL: all) matching $3, at most $4.
    static let assignments = """
        SELECT a.student_id, st.first_name || ' ' || st.last_name AS student_name, st.school_id, o.name AS school_name,
               a.slot_id, sl.title AS slot_title, e.name AS employer_name, a.choice_rank
        FROM match_assignments a
        JOIN students st ON st.id = a.student_id
        JOIN organizations o ON o.id = st.school_id
        LEFT JOIN slots sl ON sl.id = a.slot_id
        LEFT JOIN employers e ON e.id = sl.employer_id
        WHERE a.run_id = $1 AND ($2::bigint IS NULL OR st.school_id = $2)
          AND ($3 = '' OR (st.first_name || ' ' || st.last_name) ILIKE '%' || $3 || '%')
        ORDER BY lower(st.last_name), lower(st.first_name), st.id
        LIMIT $4
        """
    /// Explanations of student $2 in run $1; confidential ones in full only when $3, else masked
    /// (their public sentence, and no reason codes).
    static let explanations = """
        SELECT x.choice_rank, sl.title, e.name AS employer_name, x.outcome,
               CASE WHEN $3 OR NOT x.confidential THEN x.message ELSE x.public_message END AS message,
               CASE WHEN $3 OR NOT x.confidential THEN x.reason_codes ELSE '{}'::text[] END AS reason_codes
        FROM match_explanations x JOIN slots sl ON sl.id = x.slot_id JOIN employers e ON e.id = sl.employer_id
        WHERE x.run_id = $1 AND x.student_id = $2
        ORDER BY x.choice_rank
        """
    /// Students whose slot differs between run $1 and run $2.
    static let diff = """
        SELECT coalesce(a.student_id, b.student_id) AS student_id,
               st.first_name || ' ' || st.last_name AS student_name,
               sa.title AS before, sb.title AS after
        FROM (SELECT student_id, slot_id FROM match_assignments WHERE run_id = $1) a
        FULL JOIN (SELECT student_id, slot_id FROM match_assignments WHERE run_id = $2) b ON a.student_id = b.student_id
        JOIN students st ON st.id = coalesce(a.student_id, b.student_id)
        LEFT JOIN slots sa ON sa.id = a.slot_id
        LEFT JOIN slots sb ON sb.id = b.slot_id
        WHERE a.slot_id IS DISTINCT FROM b.slot_id
        ORDER BY lower(st.last_name), lower(st.first_name)
        LIMIT $3
        """
}
