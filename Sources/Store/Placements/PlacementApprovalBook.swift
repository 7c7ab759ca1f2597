import Foundation
import Database

/// A referring case worker's approvals of their referred students' placements (a referral with
/// `caseworker_approval_required` makes the match hold the placement as `pending_approval`).
///
/// Every read and change is limited to placements of students the case worker referred (an active
/// referral with `referred_by` = the case worker); any other placement is simply not found.
/// - Approving makes the placement `matched`: it goes on like any other (the school records its
///   acceptance), and the guardian's notice becomes owed.
/// - Declining withdraws it with a neutral reason the school may read (``schoolReason``) — the
///   case worker's own reason stays in `placement_approvals`, juvenile-services data — and its
///   seat counts as open again.
/// Both are single audited statements in the caller's transaction (stamp the actor first).
public struct PlacementApprovalBook: Sendable {
    let pool: DatabasePool

    /// Makes the book.
    public init(pool: DatabasePool) { self.pool = pool }

    /// The withdrawal reason the school sees on a declined placement: it must not reveal a referral.
    public static let schoolReason = "Withdrawn before it was accepted."

    /// Placements of `caseWorkerID`'s referred students that await their approval.
    public func pending(caseWorkerID: Int64) async throws -> [PlacementApproval] {
        try await pool.query(PlacementApprovalQueries.pending, [caseWorkerID, Int64?.none]).map(Self.approval)
    }

    /// The decisions taken on `caseWorkerID`'s referrals, newest first.
    public func decided(caseWorkerID: Int64, limit: Int = 50) async throws -> [PlacementApproval] {
        try await pool.query(PlacementApprovalQueries.decided, [caseWorkerID, Int64(limit)]).map(Self.approval)
    }

    /// Approves placement `placementID` for `caseWorkerID` in `conn`'s transaction; nil when it is
    /// not a placement of their referrals awaiting approval (already decided, or not theirs).
    public static func approve(placementID: Int64, caseWorkerID: Int64, on date: CalendarDate, conn: Connection) async throws -> PlacementApproval? {
        guard var line = try await lockPending(placementID: placementID, caseWorkerID: caseWorkerID, conn: conn) else { return nil }
        guard try await conn.execute(PlacementApprovalQueries.approve, [placementID]) == 1 else { return nil }
        try await conn.execute(PlacementApprovalQueries.record, [placementID, line.referralID, "approved", String?.none, caseWorkerID, date])
        line.decision = "approved"
        line.decidedOn = date.description
        return line
    }

    /// Declines placement `placementID` for `caseWorkerID` with `reason` (not empty) in `conn`'s
    /// transaction: the placement is withdrawn on `date`. nil as for ``approve(placementID:caseWorkerID:on:conn:)``.
    public static func decline(placementID: Int64, caseWorkerID: Int64, on date: CalendarDate, reason: String,
                               conn: Connection) async throws -> PlacementApproval? {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw PlacementTransitionError.reasonMissing }
        guard var line = try await lockPending(placementID: placementID, caseWorkerID: caseWorkerID, conn: conn) else { return nil }
        guard try await conn.execute(PlacementApprovalQueries.decline, [placementID, date, schoolReason]) == 1 else { return nil }
        try await conn.execute(PlacementApprovalQueries.record, [placementID, line.referralID, "declined", reason, caseWorkerID, date])
        line.decision = "declined"
        line.reason = reason
        line.decidedOn = date.description
        return line
    }

    static func lockPending(placementID: Int64, caseWorkerID: Int64, conn: Connection) async throws -> PlacementApproval? {
        try await conn.query(PlacementApprovalQueries.pending + "\nFOR UPDATE OF p", [caseWorkerID, placementID]).first.map(approval)
    }

    static func approval(_ row: Row) throws -> PlacementApproval {
        PlacementApproval(
            placementID: try row.decode("id"), runID: try row.decode("run_id"), studentID: try row.decode("student_id"),
            referralID: try row.decode("referral_id"), studentName: try row.decode("student_name"), schoolName: try row.decode("school"),
            slotTitle: try row.decode("title"), employerName: try row.decode("employer"), site: try row.decode("site"),
            schedule: try row.decode("schedule"), startDate: try row.decode("start_date"), decision: try row.decode("decision"),
            reason: try row.decode("reason"), decidedOn: try row.decode("decided_on"))
    }
}

/// SQL of ``PlacementApprovalBook``; every read is filtered by the referring case worker ($1).
enum PlacementApprovalQueries {
    static let columns = """
        p.id, p.run_id, p.student_id, s.first_name || ' ' || s.last_name AS student_name, sc.name AS school,
        sl.title, e.name AS employer,
        CASE WHEN sl.virtual THEN 'online' ELSE coalesce(si.name || ', ' || si.address, '') END AS site,
        sl.schedule, sl.start_date::text AS start_date
        """
    static let joins = """
        JOIN students s ON s.id = p.student_id
        JOIN organizations sc ON sc.id = s.school_id
        JOIN slots sl ON sl.id = p.slot_id
        JOIN employers e ON e.id = sl.employer_id
        LEFT JOIN sites si ON si.id = sl.site_id
        """
    /// Case worker $1's pending placements ($2: only this one).
    static let pending = """
        SELECT \(columns), r.id AS referral_id, NULL::text AS decision, NULL::text AS reason, NULL::text AS decided_on
        FROM placements p
        JOIN LATERAL (SELECT r.id FROM referrals r WHERE r.student_id = p.student_id AND r.referred_by = $1 AND r.active
                      ORDER BY r.id LIMIT 1) r ON true
        \(joins)
        WHERE p.status = 'pending_approval' AND ($2::bigint IS NULL OR p.id = $2)
        ORDER BY sl.start_date, s.last_name, s.first_name, p.id
        """
    /// Decisions on case worker $1's referrals, newest first, at most $2.
    static let decided = """
        SELECT \(columns), a.referral_id, a.decision, a.reason, a.decided_on::text AS decided_on
        FROM placement_approvals a
        JOIN referrals r ON r.id = a.referral_id AND r.referred_by = $1
        JOIN placements p ON p.id = a.placement_id
        \(joins)
        ORDER BY a.created_at DESC, a.placement_id DESC
        LIMIT $2
        """
    static let approve = """
        UPDATE placements SET status = 'matched', updated_at = now() WHERE id = $1 AND status = 'pending_approval'
        """
    static let decline = """
        UPDATE placements SET status = 'withdrawn', withdrawn_on = $2::date, withdrawn_reason = $3, updated_at = now()
        WHERE id = $1 AND status = 'pending_approval'
        """
    static let record = """
        INSERT INTO placement_approvals (placement_id, referral_id, decision, reason, decided_by, decided_on)
        VALUES ($1, $2, $3, $4, $5, $6::date)
        """
}
