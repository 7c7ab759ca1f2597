import Database

/// Reads the 5S3 cohort from the database and builds the ``PerkinsReport``.
public struct PerkinsStore: Sendable {
    let pool: DatabasePool

    /// Makes the store.
    public init(pool: DatabasePool) { self.pool = pool }

    /// The 5S3 report for CTE concentrators who graduated between `from` and `to` (inclusive),
    /// within `scope`. A placement counts when it was completed on or before the graduation date.
    /// `includeJustice` (only for users entitled to juvenile data) adds the separate justice-involved
    /// row and records the view in the audit log for `viewer`.
    public func report(from: CalendarDate, to: CalendarDate, scope: RowScope,
                       includeJustice: Bool, viewer: AuditActor) async throws -> PerkinsReport {
        guard scope.reachesStudents else { return PerkinsReport(cohort: [], includeJustice: false) }
        return try await pool.withTransaction(.repeatableRead) { conn in
            let cohort = try await conn.query(PerkinsQueries.cohort, [from, to, scope.schoolFilter, includeJustice]).map { row in
                PerkinsStudent(schoolID: try row.decode("school_id"), schoolName: try row.decode("school_name"),
                               programOfStudy: try row.decode("program_of_study"),
                               specialPopulations: try row.decode("special_populations"),
                               completedPlacement: try row.decode("completed"), justiceInvolved: try row.decode("justice"))
            }
            if includeJustice {
                try await AuditLog.recordView(by: viewer, entity: "referrals", entityID: "perkins_5s3",
                                              detail: #"{"report": "perkins_5s3", "from": "\#(from)", "to": "\#(to)"}"#, on: conn)
            }
            return PerkinsReport(cohort: cohort, includeJustice: includeJustice)
        }
    }
}

/// SQL of ``PerkinsStore``.
enum PerkinsQueries {
    /// Concentrators graduated between $1 and $2 (school $3 when not NULL); referrals read only when $4.
    static let cohort = """
        SELECT s.school_id, o.name AS school_name, s.program_of_study, s.special_populations,
               EXISTS (SELECT 1 FROM placements p
                       WHERE p.student_id = s.id AND p.status = 'completed' AND p.completed_on <= s.graduated_on) AS completed,
               CASE WHEN $4::boolean THEN EXISTS (SELECT 1 FROM referrals r WHERE r.student_id = s.id) ELSE false END AS justice
        FROM students s JOIN organizations o ON o.id = s.school_id
        WHERE s.cte_concentrator AND s.graduated_on BETWEEN $1::date AND $2::date
          AND ($3::bigint IS NULL OR s.school_id = $3)
        ORDER BY s.id
        """
}
