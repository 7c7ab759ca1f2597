import Database

/// Finds the guardian notices a published final run still owes, and records each one sent in the
/// caller's transaction (with the queued email), so each guardian is told once.
public struct GuardianNoticeStore: Sendable {
    /// Makes the store.
    public init() {}

    /// Notices owed for run `runID` (nothing unless it is a published final run; its placements
    /// must exist). Students whose placement awaits a case worker's approval are left out until it
    /// is approved: telling the family earlier would announce a placement that may not happen; a
    /// placement withdrawn before its notice gets none. With `studentID`, only that student's notice.
    public func owed(runID: Int64, studentID: Int64? = nil, on conn: Connection) async throws -> [GuardianNotice] {
        try await conn.query(NoticeQueries.owed, [runID, studentID]).map { row in
            GuardianNotice(
                kind: try row.decode("kind"), studentID: try row.decode("student_id"), studentFirstName: try row.decode("first_name"),
                guardianName: try row.decode("guardian_name"), guardianEmail: try row.decode("guardian_email"),
                language: try row.decode("guardian_language"), slotTitle: try row.decode("title"), employer: try row.decode("employer"),
                site: try row.decode("site"), address: try row.decode("address"), virtual: try row.decode("virtual"),
                schedule: try row.decode("schedule"), startDate: try row.decode("start_date"),
                contactName: try row.decode("contact_name"), contactEmail: try row.decode("contact_email"))
        }
    }

    /// Records that `notice` went out as outbox email `emailID`; false if it had already been recorded.
    @discardableResult
    public func recordSent(_ notice: GuardianNotice, runID: Int64, emailID: Int64, on conn: Connection) async throws -> Bool {
        try await conn.execute(NoticeQueries.record, [runID, notice.studentID, notice.kind, emailID]) == 1
    }
}

/// SQL of ``GuardianNoticeStore``.
enum NoticeQueries {
    static let owed = """
        SELECT CASE WHEN a.slot_id IS NULL THEN 'second_round' ELSE 'placed' END AS kind,
               s.id AS student_id, s.first_name, s.guardian_name, s.guardian_email, s.guardian_language,
               coalesce(sl.title, '') AS title, coalesce(e.name, '') AS employer, coalesce(si.name, '') AS site,
               coalesce(si.address, '') AS address, coalesce(sl.virtual, false) AS virtual, coalesce(sl.schedule, '') AS schedule,
               coalesce(sl.start_date::text, '') AS start_date, coalesce(sl.contact_name, '') AS contact_name,
               coalesce(sl.contact_email, '') AS contact_email
        FROM match_runs r
        JOIN match_assignments a ON a.run_id = r.id
        JOIN students s ON s.id = a.student_id
        LEFT JOIN slots sl ON sl.id = a.slot_id
        LEFT JOIN employers e ON e.id = sl.employer_id
        LEFT JOIN sites si ON si.id = sl.site_id
        WHERE r.id = $1 AND r.kind = 'final' AND r.state = 'published' AND ($2::bigint IS NULL OR s.id = $2)
          AND s.guardian_email <> ''
          AND (a.slot_id IS NULL OR EXISTS (SELECT 1 FROM placements p WHERE p.run_id = r.id AND p.student_id = s.id
                                             AND p.status NOT IN ('pending_approval', 'withdrawn')))
          AND NOT EXISTS (SELECT 1 FROM guardian_notices n WHERE n.run_id = r.id AND n.student_id = s.id)
        ORDER BY s.id
        """
    static let record = """
        INSERT INTO guardian_notices (run_id, student_id, kind, outbox_email_id) VALUES ($1, $2, $3, $4)
        ON CONFLICT DO NOTHING
        """
}
