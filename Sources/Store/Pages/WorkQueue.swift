import Database

/// The counts behind each role's dashboard ("what needs doing"), every one limited to the user's
/// own school, EDC, employer organization or referrals by a SQL parameter.
public struct WorkQueue: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// A counselor's school.
    public struct School: Sendable, Equatable {
        /// Students without guardian consent on file.
        public var missingConsent: Int
        /// Students with no choice in the newest open round (0 when no round is open).
        public var withoutChoices: Int
        /// Consent requests emailed to guardians, unanswered and not expired.
        public var pendingConsentRequests: Int
    }

    /// An EDC's slots, or an employer organization's.
    public struct Slots: Sendable, Equatable {
        /// Active slots (all, for the scope).
        public var active: Int
        /// Withdrawn slots.
        public var withdrawn: Int
        /// Active slots no student chose in the newest round.
        public var unchosen: Int
        /// Slots with applicants in the newest round and no ranking yet.
        public var toRank: Int
        /// Active slots with seats left in the newest round's published match (a withdrawn placement's
        /// seat is open again); nil before one is published.
        public var withOpenSeats: Int?
    }

    /// A case worker's own referrals.
    public struct Referrals: Sendable, Equatable {
        /// Active referrals whose student is in no published match yet.
        public var awaitingOutcome: Int
        /// Placements of their referred students waiting for the case worker's approval.
        public var awaitingApproval: Int
    }

    /// The consortium, for coordinators.
    public struct Operations: Sendable, Equatable {
        public var latestRunID: Int64?
        public var latestRunKind: String?
        /// `running`, `succeeded`, `failed` or `published`.
        public var latestRunState: String?
        /// Jobs that failed for good (discarded) in the last 7 days.
        public var failedJobs: Int
        /// Emails queued or failed in the outbox.
        public var unsentEmails: Int
        /// Of those, the ones that failed.
        public var failedEmails: Int
    }

    public func school(_ schoolID: Int64) async throws -> School {
        let row = try await pool.query(WorkQueries.school, [schoolID])[0]
        return School(missingConsent: try row.decode("missing_consent"), withoutChoices: try row.decode("without_choices"),
                      pendingConsentRequests: try row.decode("pending_requests"))
    }

    /// Counts for the slots of EDC `edcID` or of employers linked to organization `employerOrganizationID`.
    public func slots(scope: RowScope) async throws -> Slots {
        guard scope.reachesRankings else { return Slots(active: 0, withdrawn: 0, unchosen: 0, toRank: 0, withOpenSeats: nil) }
        let row = try await pool.query(WorkQueries.slots, [scope.edcFilter, scope.employerFilter])[0]
        return Slots(active: try row.decode("active"), withdrawn: try row.decode("withdrawn"), unchosen: try row.decode("unchosen"),
                     toRank: try row.decode("to_rank"), withOpenSeats: try row.decode("open_seats"))
    }

    public func referrals(caseWorkerID: Int64) async throws -> Referrals {
        let row = try await pool.query(WorkQueries.referrals, [caseWorkerID])[0]
        return Referrals(awaitingOutcome: try row.decode("awaiting_outcome"), awaitingApproval: try row.decode("awaiting_approval"))
    }

    public func operations() async throws -> Operations {
        let row = try await pool.query(WorkQueries.operations)[0]
        return Operations(latestRunID: try row.decode("run_id"), latestRunKind: try row.decode("run_kind"),
                          latestRunState: try row.decode("run_state"), failedJobs: try row.decode("failed_jobs"),
                          unsentEmails: try row.decode("unsent_emails"), failedEmails: try row.decode("failed_emails"))
    }
}

/// The SQL of ``WorkQueue``.
enum WorkQueries {
    static let newestRound = "(SELECT id FROM rounds ORDER BY created_at DESC, id DESC LIMIT 1)"
    static let newestOpenRound = "(SELECT id FROM rounds WHERE state = 'open' ORDER BY created_at DESC, id DESC LIMIT 1)"

    /// School $1.
    static let school = """
        SELECT
          (SELECT count(*) FROM students s WHERE s.school_id = $1 AND s.guardian_consent_on IS NULL)::int AS missing_consent,
          (SELECT count(*) FROM students s WHERE s.school_id = $1 AND \(newestOpenRound) IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM choices c WHERE c.student_id = s.id AND c.round_id = \(newestOpenRound)))::int AS without_choices,
          (SELECT count(*) FROM guardian_consent_requests g JOIN students s ON s.id = g.student_id
           WHERE s.school_id = $1 AND g.answered_at IS NULL AND g.expires_at > now())::int AS pending_requests
        """

    /// Slots of EDC $1 (NULL: any) and of employers linked to organization $2 (NULL: any).
    static let slots = """
        WITH scoped AS (
            SELECT sl.id, sl.active, sl.capacity FROM slots sl JOIN employers e ON e.id = sl.employer_id
            WHERE ($1::bigint IS NULL OR sl.edc_id = $1) AND ($2::bigint IS NULL OR e.organization_id = $2)),
        round AS (SELECT \(newestRound) AS id),
        published AS (SELECT m.id FROM match_runs m, round WHERE m.round_id = round.id AND m.state = 'published')
        SELECT
          count(*) FILTER (WHERE sc.active)::int AS active,
          count(*) FILTER (WHERE NOT sc.active)::int AS withdrawn,
          count(*) FILTER (WHERE sc.active AND NOT EXISTS (
              SELECT 1 FROM choices c, round WHERE c.round_id = round.id AND c.slot_id = sc.id))::int AS unchosen,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM choices c, round WHERE c.round_id = round.id AND c.slot_id = sc.id)
                             AND NOT EXISTS (SELECT 1 FROM rankings r, round WHERE r.round_id = round.id AND r.slot_id = sc.id))::int AS to_rank,
          CASE WHEN EXISTS (SELECT 1 FROM published) THEN
            count(*) FILTER (WHERE sc.active AND sc.capacity > (
                SELECT count(*) FROM match_assignments a, published p WHERE a.run_id = p.id AND a.slot_id = sc.id
                  AND NOT EXISTS (SELECT 1 FROM placements pl WHERE pl.run_id = a.run_id AND pl.student_id = a.student_id
                                  AND pl.status = 'withdrawn')))::int
          END AS open_seats
        FROM scoped sc
        """

    /// Referrals made by user $1.
    static let referrals = """
        SELECT
          (SELECT count(*) FROM referrals r WHERE r.referred_by = $1 AND r.active
             AND NOT EXISTS (SELECT 1 FROM match_assignments a JOIN match_runs m ON m.id = a.run_id
                             WHERE m.state = 'published' AND a.student_id = r.student_id))::int AS awaiting_outcome,
          (SELECT count(*) FROM placements p
           WHERE p.status = 'pending_approval'
             AND EXISTS (SELECT 1 FROM referrals r WHERE r.referred_by = $1 AND r.active AND r.student_id = p.student_id))::int AS awaiting_approval
        """

    static let operations = """
        SELECT m.id AS run_id, m.kind AS run_kind, m.state AS run_state,
          (SELECT count(*) FROM jobs j WHERE j.state = 'discarded' AND j.finalized_at > now() - interval '7 days')::int AS failed_jobs,
          (SELECT count(*) FROM outbox_email o WHERE o.state <> 'sent')::int AS unsent_emails,
          (SELECT count(*) FROM outbox_email o WHERE o.state = 'failed')::int AS failed_emails
        FROM (SELECT 1) one
        LEFT JOIN LATERAL (SELECT id, kind, state FROM match_runs ORDER BY started_at DESC, id DESC LIMIT 1) m ON true
        """
}
