import Database

/// Reads a run's outcomes (``OutcomesReport``) in one snapshot.
public struct OutcomesStore: Sendable {
    let pool: DatabasePool

    /// Makes the store.
    public init(pool: DatabasePool) { self.pool = pool }

    /// The newest run with results (succeeded or published), or nil.
    public func latestRunID() async throws -> Int64? {
        try await pool.query(OutcomesQueries.latest).first?.decode("id")
    }

    /// The outcomes of run `runID` (nil when there is no such run). `includeJuvenile` adds the
    /// referred-youth line and shows restriction-based reasons by code; otherwise such reasons
    /// read `not_available`, and the view is not recorded because nothing juvenile is shown.
    public func report(runID: Int64, includeJuvenile: Bool, viewer: AuditActor) async throws -> OutcomesReport? {
        try await pool.withTransaction(.repeatableRead) { conn in
            guard let run = try await conn.query(OutcomesQueries.run, [runID]).first else { return nil }
            var lines: [OutcomesReport.Line] = []
            for row in try await conn.query(OutcomesQueries.studentLines, [runID, includeJuvenile]) {
                lines.append(.init(group: try row.decode("grp"), label: try row.decode("label"), total: try row.decode("total"), matched: try row.decode("matched")))
            }
            for row in try await conn.query(OutcomesQueries.seatLines, [runID]) {
                lines.append(.init(group: try row.decode("grp"), label: try row.decode("label"), total: try row.decode("total"), matched: try row.decode("matched")))
            }
            let unfilled = try await conn.query(OutcomesQueries.unfilled, [runID]).map { row in
                OutcomesReport.OpenSlot(title: try row.decode("title"), employer: try row.decode("employer"),
                                        capacity: try row.decode("capacity"), filled: try row.decode("filled"))
            }
            let reasons = try await conn.query(OutcomesQueries.unmatchedReasons, [runID, includeJuvenile]).map { row in
                (reason: try row.decode("reason", as: String.self), count: try row.decode("n", as: Int.self))
            }
            if includeJuvenile {
                try await AuditLog.recordView(by: viewer, entity: "referrals", entityID: "outcomes/\(runID)", detail: #"{"report": "outcomes"}"#, on: conn)
            }
            return OutcomesReport(
                runID: runID, students: try run.decode("students"), matched: try run.decode("matched"), lines: lines, unfilled: unfilled,
                unmatchedReasons: reasons, reservedSeats: try run.decode("reserved_seats"), reservedSeatsUsed: try run.decode("reserved_used"),
                previousRunID: try run.decode("previous_run_id"), previousMatched: try run.decode("previous_matched"),
                previousRound: try run.decode("previous_round_run_id", as: Int64?.self).map {
                    OutcomesReport.PreviousRound(name: try run.decode("previous_round_name"), runID: $0,
                                                 students: try run.decode("previous_round_students"), matched: try run.decode("previous_round_matched"))
                })
        }
    }
}

/// SQL of ``OutcomesStore``.
enum OutcomesQueries {
    static let latest = "SELECT id FROM match_runs WHERE state IN ('succeeded', 'published') ORDER BY id DESC LIMIT 1"
    /// The run's totals, its previous run in the round, and the published final run of the previous round.
    static let run = """
        WITH pr AS (
            SELECT po.name, pm.id FROM match_runs r JOIN rounds ro ON ro.id = r.round_id
            JOIN rounds po ON po.id = ro.previous_round_id
            JOIN match_runs pm ON pm.round_id = po.id AND pm.state = 'published'
            WHERE r.id = $1 ORDER BY pm.id DESC LIMIT 1)
        SELECT r.id, r.previous_run_id,
               (SELECT name FROM pr) AS previous_round_name, (SELECT id FROM pr) AS previous_round_run_id,
               (SELECT count(*)::int FROM match_assignments a WHERE a.run_id = (SELECT id FROM pr)) AS previous_round_students,
               (SELECT count(*)::int FROM match_assignments a WHERE a.run_id = (SELECT id FROM pr) AND a.slot_id IS NOT NULL) AS previous_round_matched,
               (SELECT count(*)::int FROM match_assignments a WHERE a.run_id = r.id) AS students,
               (SELECT count(*)::int FROM match_assignments a WHERE a.run_id = r.id AND a.slot_id IS NOT NULL) AS matched,
               (SELECT count(*)::int FROM match_assignments a WHERE a.run_id = r.id AND a.reserved_seat) AS reserved_used,
               (SELECT coalesce(sum(sl.reserved_seats), 0)::int FROM slots sl
                WHERE sl.id IN (SELECT slot_id FROM choices c WHERE c.round_id = r.round_id)) AS reserved_seats,
               CASE WHEN r.previous_run_id IS NULL THEN NULL
                    ELSE (SELECT count(*)::int FROM match_assignments a WHERE a.run_id = r.previous_run_id AND a.slot_id IS NOT NULL) END AS previous_matched
        FROM match_runs r WHERE r.id = $1
        """

    /// Students matched by school, program of study and county (of the school); the referred line only when $2.
    static let studentLines = """
        WITH s AS (
            SELECT st.id, o.name AS school, coalesce(st.program_of_study, 'none') AS program, coalesce(nullif(o.county, ''), 'unknown') AS county,
                   a.slot_id IS NOT NULL AS matched,
                   $2::boolean AND EXISTS (SELECT 1 FROM referrals rf WHERE rf.student_id = st.id) AS referred
            FROM match_assignments a JOIN students st ON st.id = a.student_id JOIN organizations o ON o.id = st.school_id
            WHERE a.run_id = $1)
        SELECT 'school' AS grp, school AS label, count(*)::int AS total, count(*) FILTER (WHERE matched)::int AS matched FROM s GROUP BY school
        UNION ALL SELECT 'program_of_study', program, count(*)::int, count(*) FILTER (WHERE matched)::int FROM s GROUP BY program
        UNION ALL SELECT 'county', county, count(*)::int, count(*) FILTER (WHERE matched)::int FROM s GROUP BY county
        UNION ALL SELECT 'referred', 'Referred by juvenile services', count(*)::int, count(*) FILTER (WHERE matched)::int FROM s WHERE referred HAVING $2::boolean
        ORDER BY 1, 2
        """

    /// Seats filled of capacity, by EDC and kind of placement, over the slots students chose in the run's round.
    static let seatLines = """
        WITH sl AS (
            SELECT sl.id, sl.capacity, sl.kind, o.name AS edc,
                   (SELECT count(*)::int FROM match_assignments a WHERE a.run_id = $1 AND a.slot_id = sl.id) AS filled
            FROM slots sl JOIN organizations o ON o.id = sl.edc_id
            WHERE sl.active OR EXISTS (SELECT 1 FROM match_assignments a WHERE a.run_id = $1 AND a.slot_id = sl.id))
        SELECT 'edc' AS grp, edc AS label, sum(capacity)::int AS total, sum(filled)::int AS matched FROM sl GROUP BY edc
        UNION ALL SELECT 'kind', kind, sum(capacity)::int, sum(filled)::int FROM sl GROUP BY kind
        ORDER BY 1, 2
        """

    static let unfilled = """
        SELECT sl.title, e.name AS employer, sl.capacity,
               (SELECT count(*)::int FROM match_assignments a WHERE a.run_id = $1 AND a.slot_id = sl.id) AS filled
        FROM slots sl JOIN employers e ON e.id = sl.employer_id
        WHERE sl.active AND sl.capacity > (SELECT count(*) FROM match_assignments a WHERE a.run_id = $1 AND a.slot_id = sl.id)
        ORDER BY e.name, sl.title
        """

    /// Unmatched students by the outcome of their first choice (the failed rule's code when
    /// ineligible); confidential explanations read `not_available` unless $2.
    static let unmatchedReasons = """
        SELECT CASE WHEN x.student_id IS NULL THEN 'no_choices'
                    WHEN x.confidential AND NOT $2::boolean THEN 'not_available'
                    WHEN x.outcome = 'ineligible' AND cardinality(x.reason_codes) > 0 THEN x.reason_codes[1]
                    ELSE x.outcome END AS reason,
               count(*)::int AS n
        FROM match_assignments a
        LEFT JOIN match_explanations x ON x.run_id = a.run_id AND x.student_id = a.student_id AND x.choice_rank = 1
        WHERE a.run_id = $1 AND a.slot_id IS NULL
        GROUP BY 1 ORDER BY 2 DESC, 1
        """
}
