import Database

/// The round a ranking page shows: the newest one, open or final (a final round is read-only).
public struct RankingRound: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// `open` or `final`.
    public var state: String
    public var isFinal: Bool { state == "final" }
}

/// A slot as its ranking page shows it.
public struct RankedSlot: Sendable, Equatable {
    public var id: Int64
    public var externalID: String
    public var title: String
    public var employerName: String
    /// The code of the slot's EDC (the rankings CSV's `edc` column).
    public var edcCode: String
    public var capacity: Int
}

/// A student who chose a slot, as the employer sees them: name, school, the rank she gave the slot
/// and the tier the slot gave her. Nothing about referrals or restrictions, ever.
public struct Applicant: Sendable, Equatable {
    public var studentID: Int64
    public var firstName: String
    public var lastName: String
    public var schoolName: String
    /// The rankings CSV's `school` and `student_id` columns.
    public var schoolCode: String
    public var externalID: String
    public var choiceRank: Int
    public var tier: Int?
}

/// A stored ranking line of a student who no longer lists the slot (kept when the page saves).
public struct RankingLine: Sendable, Equatable {
    public var schoolCode: String
    public var externalID: String
    public var tier: Int
}

/// Reads for the employer ranking page. Saving goes through `IntakeImporter` (kind `rankings`), so
/// the page, the CSV upload and `wblmatch import rankings` share one set of rules; only clearing a
/// slot's whole ranking (which a file cannot express) is here.
public struct RankingBook: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// The newest round, open or final; nil before any round exists.
    public func currentRound() async throws -> RankingRound? {
        try await pool.withConnection { conn in
            try await conn.query(RankingQueries.currentRound).first.map { row in
                RankingRound(id: try row.decode("id"), name: try row.decode("name"), state: try row.decode("state"))
            }
        }
    }

    /// Slot `id` if `scope` reaches it: every slot (coordinators), an EDC's (EDC staff), or the
    /// slots of employers linked to an employer user's organization.
    public func slot(id: Int64, scope: RowScope) async throws -> RankedSlot? {
        guard scope.reachesRankings else { return nil }
        return try await pool.withConnection { conn in
            try await conn.query(RankingQueries.slot, [id, scope.edcFilter, scope.employerFilter]).first.map { row in
                RankedSlot(id: try row.decode("id"), externalID: try row.decode("external_id"), title: try row.decode("title"),
                           employerName: try row.decode("employer_name"), edcCode: try row.decode("edc_code"),
                           capacity: try row.decode("capacity"))
            }
        }
    }

    /// Slots in `scope` with how many applicants chose them in `roundID` and how many are ranked.
    public func slots(scope: RowScope, roundID: Int64) async throws -> [(slot: RankedSlot, applicants: Int, ranked: Int)] {
        guard scope.reachesRankings else { return [] }
        return try await pool.withConnection { conn in
            try await conn.query(RankingQueries.slots, [scope.edcFilter, scope.employerFilter, roundID]).map { row in
                (RankedSlot(id: try row.decode("id"), externalID: try row.decode("external_id"), title: try row.decode("title"),
                            employerName: try row.decode("employer_name"), edcCode: try row.decode("edc_code"),
                            capacity: try row.decode("capacity")),
                 try row.decode("applicants"), try row.decode("ranked"))
            }
        }
    }

    /// The students who chose `slotID` in `roundID`, with their stored tier; by tier (unranked
    /// last), then name.
    public func applicants(slotID: Int64, roundID: Int64) async throws -> [Applicant] {
        try await pool.withConnection { conn in
            try await conn.query(RankingQueries.applicants, [roundID, slotID]).map { row in
                Applicant(studentID: try row.decode("id"), firstName: try row.decode("first_name"), lastName: try row.decode("last_name"),
                          schoolName: try row.decode("school_name"), schoolCode: try row.decode("school_code"),
                          externalID: try row.decode("external_id"), choiceRank: try row.decode("rank"), tier: try row.decode("tier"))
            }
        }
    }

    /// Stored tiers of `slotID` in `roundID` for students who no longer list the slot.
    public func rankedNonApplicants(slotID: Int64, roundID: Int64) async throws -> [RankingLine] {
        try await pool.withConnection { conn in
            try await conn.query(RankingQueries.nonApplicants, [roundID, slotID]).map { row in
                RankingLine(schoolCode: try row.decode("school_code"), externalID: try row.decode("external_id"), tier: try row.decode("tier"))
            }
        }
    }

    /// Removes the whole ranking of `slotID` in `roundID` (the slot falls back to the default
    /// priority); audited as the request's actor. Returns the rows removed. A final round's
    /// rankings are frozen: the database refuses (`DatabaseError`, check violation).
    @discardableResult
    public func clear(slotID: Int64, roundID: Int64) async throws -> Int {
        try await pool.withAuditedTransaction { conn in
            return try await conn.execute(RankingQueries.clear, [roundID, slotID])
        }
    }
}

/// The SQL of ``RankingBook``; scope filters are parameters (NULL = no filter).
enum RankingQueries {
    static let currentRound = "SELECT id, name, state FROM rounds ORDER BY created_at DESC, id DESC LIMIT 1"

    static let slotColumns = """
        sl.id, sl.external_id, sl.title, e.name AS employer_name, o.code AS edc_code, sl.capacity
        """
    static let slotFrom = "FROM slots sl JOIN employers e ON e.id = sl.employer_id JOIN organizations o ON o.id = sl.edc_id"
    /// EDC $n (NULL: any) and employer organization $n+1 (NULL: any).
    static func scoped(_ edc: Int, _ employerOrg: Int) -> String {
        "($\(edc)::bigint IS NULL OR sl.edc_id = $\(edc)) AND ($\(employerOrg)::bigint IS NULL OR e.organization_id = $\(employerOrg))"
    }

    /// Slot $1 within EDC $2 and employer organization $3.
    static let slot = "SELECT \(slotColumns) \(slotFrom) WHERE sl.id = $1 AND \(scoped(2, 3))"

    /// Slots within EDC $1 and employer organization $2, with applicant and ranked counts in round $3.
    static let slots = """
        SELECT \(slotColumns),
               (SELECT count(*) FROM choices c WHERE c.round_id = $3 AND c.slot_id = sl.id)::int AS applicants,
               (SELECT count(*) FROM choices c JOIN rankings r ON r.round_id = c.round_id AND r.slot_id = c.slot_id
                                                              AND r.student_id = c.student_id
                WHERE c.round_id = $3 AND c.slot_id = sl.id)::int AS ranked
        \(slotFrom)
        WHERE \(scoped(1, 2))
        ORDER BY lower(e.name), lower(sl.title), sl.id
        """

    /// Students who chose slot $2 in round $1, with the slot's tier for them.
    static let applicants = """
        SELECT st.id, st.first_name, st.last_name, so.name AS school_name, so.code AS school_code, st.external_id,
               c.rank, r.tier
        FROM choices c JOIN students st ON st.id = c.student_id JOIN organizations so ON so.id = st.school_id
        LEFT JOIN rankings r ON r.round_id = c.round_id AND r.slot_id = c.slot_id AND r.student_id = c.student_id
        WHERE c.round_id = $1 AND c.slot_id = $2
        ORDER BY r.tier NULLS LAST, lower(st.last_name), lower(st.first_name), st.id
        """

    /// Stored tiers of slot $2 in round $1 for students without a choice of it.
    static let nonApplicants = """
        SELECT so.code AS school_code, st.external_id, r.tier
        FROM rankings r JOIN students st ON st.id = r.student_id JOIN organizations so ON so.id = st.school_id
        WHERE r.round_id = $1 AND r.slot_id = $2
          AND NOT EXISTS (SELECT 1 FROM choices c WHERE c.round_id = r.round_id AND c.slot_id = r.slot_id AND c.student_id = r.student_id)
        ORDER BY r.tier, st.id
        """

    static let clear = "DELETE FROM rankings WHERE round_id = $1 AND slot_id = $2"
}
