import Database

/// A referral as its case worker sees it, with the student's placement in the newest published run.
public struct ReferralLine: Sendable, Equatable {
    public var id: Int64
    public var studentName: String
    public var schoolName: String
    public var referredOn: String
    public var active: Bool
    public var curfew: String?
    public var approvalRequired: Bool
    public var excludedCounties: [String]
    /// The slot and employer of the newest published run, or nil (not placed, or no published run).
    public var placement: String?
    /// Whether a published run exists for the student's round at all.
    public var published: Bool
    /// Where the placement of the newest published run stands (`pending_approval`, `matched`,
    /// `accepted`, `started`, `completed`, `withdrawn`), nil without one.
    public var placementStatus: String?
}

/// What the referral form sends.
public struct ReferralDraft: Sendable, Equatable {
    public var schoolCode: String
    public var studentNumber: String
    public var referredOn: String
    public var curfew: String?
    public var approvalRequired: Bool
    public var excludedCounties: [String]

    public init(schoolCode: String, studentNumber: String, referredOn: String, curfew: String?, approvalRequired: Bool, excludedCounties: [String]) {
        self.schoolCode = schoolCode
        self.studentNumber = studentNumber
        self.referredOn = referredOn
        self.curfew = curfew
        self.approvalRequired = approvalRequired
        self.excludedCounties = excludedCounties
    }
}

/// Juvenile-services referrals, only ever those the case worker made (`referred_by`).
public struct ReferralBook: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// The referrals made by `userID`, newest first.
    public func referrals(by userID: Int64) async throws -> [ReferralLine] {
        try await pool.withConnection { conn in
            try await conn.query(ReferralQueries.mine, [userID]).map { row in
                ReferralLine(
                    id: try row.decode("id", as: Int64.self), studentName: try row.decode("student_name", as: String.self),
                    schoolName: try row.decode("school_name", as: String.self), referredOn: try row.decode("referred_on", as: String.self),
                    active: try row.decode("active", as: Bool.self), curfew: try row.decode("curfew", as: String?.self),
                    approvalRequired: try row.decode("approval", as: Bool.self),
                    excludedCounties: try row.decode("counties", as: [String].self),
                    placement: try row.decode("placement", as: String?.self), published: try row.decode("published", as: Bool.self),
                    placementStatus: try row.decode("placement_status", as: String?.self))
            }
        }
    }

    /// Records a referral by `userID` of juvenile-services office `officeID`, with its restrictions,
    /// in one transaction. Returns nil when no student has that school code and number.
    public func refer(_ draft: ReferralDraft, userID: Int64, officeID: Int64) async throws -> Int64? {
        try await pool.withAuditedTransaction { conn in
            guard let student = try await conn.query(ReferralQueries.student, [draft.schoolCode, draft.studentNumber]).first?
                .decode("id", as: Int64.self) else { return nil }
            let id = try await conn.query(ReferralQueries.upsert, [student, officeID, userID, draft.referredOn])[0].decode("id", as: Int64.self)
            _ = try await conn.execute(ReferralQueries.restrictions, [id, draft.curfew, draft.approvalRequired])
            _ = try await conn.execute(ReferralQueries.clearCounties, [id])
            if !draft.excludedCounties.isEmpty {
                _ = try await conn.execute(ReferralQueries.counties, [id, draft.excludedCounties])
            }
            return id
        }
    }
}

/// The SQL of ``ReferralBook``; every read is filtered by the referring user.
enum ReferralQueries {
    static let mine = """
        SELECT r.id, st.first_name || ' ' || st.last_name AS student_name, o.name AS school_name,
               r.referred_on::text AS referred_on, r.active, to_char(rr.curfew, 'HH24:MI') AS curfew,
               coalesce(rr.caseworker_approval_required, false) AS approval,
               coalesce((SELECT array_agg(county ORDER BY county) FROM referral_excluded_counties c WHERE c.referral_id = r.id), '{}') AS counties,
               (SELECT sl.title || ' · ' || e.name
                FROM match_runs mr JOIN match_assignments a ON a.run_id = mr.id
                JOIN slots sl ON sl.id = a.slot_id JOIN employers e ON e.id = sl.employer_id
                WHERE mr.state = 'published' AND a.student_id = r.student_id
                ORDER BY mr.published_at DESC LIMIT 1) AS placement,
               EXISTS (SELECT 1 FROM match_runs mr JOIN match_assignments a ON a.run_id = mr.id
                       WHERE mr.state = 'published' AND a.student_id = r.student_id) AS published,
               (SELECT p.status FROM placements p JOIN match_runs mr ON mr.id = p.run_id
                WHERE p.student_id = r.student_id ORDER BY mr.published_at DESC NULLS LAST, p.id DESC LIMIT 1) AS placement_status
        FROM referrals r
        JOIN students st ON st.id = r.student_id
        JOIN organizations o ON o.id = st.school_id
        LEFT JOIN referral_restrictions rr ON rr.referral_id = r.id
        WHERE r.referred_by = $1
        ORDER BY r.referred_on DESC, r.id DESC
        """
    static let student = """
        SELECT st.id FROM students st JOIN organizations o ON o.id = st.school_id
        WHERE o.code = $1 AND o.kind = 'school' AND st.external_id = $2
        """
    static let upsert = """
        INSERT INTO referrals (student_id, juvenile_services_id, referred_by, referred_on)
        VALUES ($1, $2, $3, $4::date)
        ON CONFLICT (juvenile_services_id, student_id)
        DO UPDATE SET referred_by = excluded.referred_by, referred_on = excluded.referred_on, active = true, updated_at = now()
        RETURNING id
        """
    static let restrictions = """
        INSERT INTO referral_restrictions (referral_id, curfew, caseworker_approval_required)
        VALUES ($1, $2::time, $3)
        ON CONFLICT (referral_id) DO UPDATE SET curfew = excluded.curfew,
            caseworker_approval_required = excluded.caseworker_approval_required, updated_at = now()
        """
    static let clearCounties = "DELETE FROM referral_excluded_counties WHERE referral_id = $1"
    static let counties = "INSERT INTO referral_excluded_counties (referral_id, county) SELECT $1, unnest($2::text[])"
}
