import Database

/// A stored version of the eligibility policy (the `policies` table).
public struct PolicyVersion: Sendable, Equatable {
    public var version: Int
    /// The jsonb document as text.
    public var json: String
    public var comment: String
    public var createdBy: String?
    public var createdAt: String
}

/// A round's settings as the policy page shows and edits them.
public struct RoundSettings: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var maxChoices: Int
    /// `YYYY-MM-DD HH:MM` in the consortium's zone, or nil.
    public var deadline: String?
    public var state: String
    /// The most choices any student has in this round.
    public var longestList: Int
}

/// Why a round's settings were refused, naming the field.
public enum RoundSettingsError: Error, Equatable, CustomStringConvertible {
    case maxChoicesBelowLists(longest: Int)
    case roundIsFinal
    case noSuchRound

    /// The form field the problem is about.
    public var field: String {
        switch self {
        case .maxChoicesBelowLists: "Max choices"
        case .roundIsFinal, .noSuchRound: "Round"
        }
    }

    public var description: String {
        switch self {
        case .maxChoicesBelowLists(let longest):
            "a student already lists \(longest) choices in this round; remove choices first or allow at least \(longest)"
        case .roundIsFinal: "this round is final: its match was published and its settings can no longer change"
        case .noSuchRound: "this round does not exist"
        }
    }
}

/// The eligibility policy in force (the newest version in `policies`, as the match-run pipeline
/// reads it) and the rounds' settings, for the coordinators' policy page. Callers validate a
/// policy with `EligibilityPolicy.load` before ``savePolicy(json:comment:userID:)``.
public struct PolicyBook: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// The newest stored version, or nil (the pipeline then uses `EligibilityPolicy.default`).
    public func current() async throws -> PolicyVersion? {
        try await pool.query(PolicyQueries.current).first.map { row in
            PolicyVersion(version: try row.decode("version"), json: try row.decode("policy"), comment: try row.decode("comment"),
                          createdBy: try row.decode("created_by"), createdAt: try row.decode("created_at"))
        }
    }

    /// Stores `json` (already validated) as the next version; audited (sql/0030) as the request's actor.
    public func savePolicy(json: String, comment: String, userID: Int64) async throws -> Int {
        try await pool.withAuditedTransaction { conn in
            // One writer at a time, so two coordinators saving at once get consecutive versions.
            _ = try await conn.query(PolicyQueries.lock)
            return try await conn.query(PolicyQueries.insert, [json, comment, userID])[0].decode("version", as: Int.self)
        }
    }

    /// Every round, newest first, with its deadline shown in `timeZone`.
    public func rounds(timeZone: String) async throws -> [RoundSettings] {
        try await pool.query(PolicyQueries.rounds, [timeZone]).map { row in
            RoundSettings(id: try row.decode("id"), name: try row.decode("name"), maxChoices: try row.decode("max_choices"),
                          deadline: try row.decode("deadline"), state: try row.decode("state"), longestList: try row.decode("longest"))
        }
    }

    /// Sets round `id`'s max choices and deadline (`YYYY-MM-DD HH:MM` read in `timeZone`, nil = none),
    /// and writes an audit row with the settings before and after. Throws ``RoundSettingsError``
    /// (nothing changed) when the round is final or a student already lists more choices.
    public func updateRound(id: Int64, maxChoices: Int, deadline: String?, timeZone: String) async throws {
        let problem: RoundSettingsError? = try await pool.withTransaction { conn in
            guard let row = try await conn.query(PolicyQueries.lockRound, [id]).first else { return .noSuchRound }
            if try row.decode("state", as: String.self) == "final" { return .roundIsFinal }
            let longest = try row.decode("longest", as: Int.self)
            if maxChoices < longest { return .maxChoicesBelowLists(longest: longest) }
            try await AuditActor.current.stamp(on: conn)
            _ = try await conn.execute(PolicyQueries.updateRound, [id, maxChoices, deadline, timeZone])
            return nil
        }
        if let problem { throw problem }
    }
}

/// The SQL of ``PolicyBook``.
enum PolicyQueries {
    static let current = """
        SELECT p.version, p.policy::text AS policy, p.comment, u.email AS created_by,
               to_char(p.created_at, 'YYYY-MM-DD HH24:MI') AS created_at
        FROM policies p LEFT JOIN users u ON u.id = p.created_by
        ORDER BY p.version DESC LIMIT 1
        """
    static let lock = "LOCK TABLE policies IN SHARE ROW EXCLUSIVE MODE"
    static let insert = """
        INSERT INTO policies (version, policy, comment, created_by)
        SELECT coalesce(max(version), 0) + 1, $1::jsonb, $2, $3 FROM policies
        RETURNING version
        """
    /// Rounds with their deadline in zone $1 and the longest choice list.
    static let rounds = """
        SELECT r.id, r.name, r.max_choices, r.state,
               to_char(r.choice_deadline AT TIME ZONE $1::text, 'YYYY-MM-DD HH24:MI') AS deadline,
               coalesce((SELECT max(c.rank) FROM choices c WHERE c.round_id = r.id), 0)::int AS longest
        FROM rounds r ORDER BY r.created_at DESC, r.id DESC
        """
    static let lockRound = """
        SELECT r.state, coalesce((SELECT max(c.rank) FROM choices c WHERE c.round_id = r.id), 0)::int AS longest
        FROM rounds r WHERE r.id = $1 FOR UPDATE
        """
    /// Sets round $1's settings (the audit trigger of sql/0049 logs the change).
    static let updateRound = """
        UPDATE rounds SET max_choices = $2, choice_deadline = ($3::text::timestamp AT TIME ZONE $4::text), updated_at = now()
        WHERE id = $1
        """
}
