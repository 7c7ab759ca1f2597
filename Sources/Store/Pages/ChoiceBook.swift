import Database

/// The round students are entering choices for.
public struct OpenRound: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var maxChoices: Int
    /// The choice deadline as text, or nil.
    public var deadline: String?
}

/// One line of a student's ranked list.
public struct ChoiceEntry: Sendable, Equatable {
    public var rank: Int
    public var slotID: Int64
    public var title: String
    public var employerName: String
    public var kind: String
    public var programOfStudy: String
    public var active: Bool
}

/// Why a change to a choice list was refused, in words a counselor can act on.
public enum ChoiceChangeError: Error, Equatable, CustomStringConvertible {
    case limitReached(max: Int)
    case alreadyListed
    case slotNotOpen
    case noSuchChoice
    /// The list kept changing in other windows while this change was being saved.
    case changedMeanwhile
    /// The round's limit was lowered below the list's length, and the change moves a choice past it.
    case pastLoweredLimit

    public var description: String {
        switch self {
        case .limitReached(let max): "This round allows at most \(max) choices. Remove one before adding another."
        case .alreadyListed: "That slot is on the list already."
        case .slotNotOpen: "That slot does not exist or is no longer offered."
        case .noSuchChoice: "That choice is not on the list (it may have changed in another window); reload the page."
        case .changedMeanwhile: "The list kept changing in another window while this change was saved; reload the page and try again."
        case .pastLoweredLimit: "This round now allows fewer choices than this list has: the choices past the limit cannot move. Remove them first, then reorder the rest."
        }
    }
}

/// Students' ranked choices in the open round. Every change is saved by one statement
/// (`choices_save`, sql/0052) that locks the student's list (a transaction advisory lock) and
/// rewrites it only if it is still the one the change was computed from; otherwise the change is
/// re-applied to the list as it is now. So two windows editing at once cannot interleave, and a save is one round trip.
/// Each saved change is one audit entry: the list before and after.
public struct ChoiceBook: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// The newest open round, or nil.
    public func openRound() async throws -> OpenRound? {
        try await pool.withConnection { conn in
            guard let row = try await conn.query(ChoiceQueries.openRound).first else { return nil }
            return OpenRound(id: try row.decode("id", as: Int64.self), name: try row.decode("name", as: String.self),
                             maxChoices: try row.decode("max_choices", as: Int.self),
                             deadline: try row.decode("deadline", as: String?.self))
        }
    }

    /// The student's choices in `roundID`, by rank.
    public func choices(studentID: Int64, roundID: Int64) async throws -> [ChoiceEntry] {
        try await pool.withConnection { conn in
            try await conn.query(ChoiceQueries.list, [roundID, studentID]).map { row in
                ChoiceEntry(rank: try row.decode("rank", as: Int.self), slotID: try row.decode("slot_id", as: Int64.self),
                            title: try row.decode("title", as: String.self), employerName: try row.decode("employer_name", as: String.self),
                            kind: try row.decode("kind", as: String.self), programOfStudy: try row.decode("program_of_study", as: String.self),
                            active: try row.decode("active", as: Bool.self))
            }
        }
    }

    /// Student `studentID` if she is in `scope`, with the open round and her list in it, in one
    /// query; nil when she is not in scope (the caller answers 404).
    public func target(studentID: Int64, scope: RowScope) async throws -> ChoiceTarget? {
        guard scope.reachesStudents else { return nil }
        guard let row = try await pool.query(ChoiceQueries.target, [studentID, scope.schoolFilter]).first else { return nil }
        var round: OpenRound?
        if let id = try row.decode("round_id", as: Int64?.self) {
            round = OpenRound(id: id, name: try row.decode("round_name", as: String.self),
                              maxChoices: try row.decode("round_max_choices", as: Int.self),
                              deadline: try row.decode("round_deadline", as: String?.self))
        }
        return ChoiceTarget(student: try StudentDirectory.record(row), round: round,
                            slotIDs: try row.decode("current_slots", as: [Int64].self))
    }

    /// How many times ``update(studentID:round:current:_:)`` re-applies a change to a list that
    /// changed meanwhile before giving up with ``ChoiceChangeError/changedMeanwhile``.
    public static let maxAttempts = 5

    /// Applies `change` to the ordered slot ids of the student's list and saves the result.
    /// `change` may throw a ``ChoiceChangeError``; new slots must be active, and the list may not
    /// exceed `round.maxChoices`.
    ///
    /// `current` is the list as the caller read it (``target(studentID:scope:)``), or nil to read
    /// it here. When the list changed meanwhile, the database says so and hands back the list as
    /// it is now; `change` is applied again to that list (at most ``maxAttempts`` times in all).
    /// The change's author is ``AuditActor/current``.
    public func update(studentID: Int64, round: OpenRound, current: [Int64]? = nil,
                       _ change: ([Int64]) throws -> [Int64]) async throws -> [Int64] {
        let actor = AuditActor.current
        var listed: [Int64]
        if let current {
            listed = current
        } else {
            listed = try await pool.query(ChoiceQueries.slotIDs, [round.id, studentID]).map { try $0.decode("slot_id", as: Int64.self) }
        }
        for _ in 0..<Self.maxAttempts {
            let next = try change(listed)
            if Set(next).count != next.count { throw ChoiceChangeError.alreadyListed }
            if next.count > round.maxChoices && next.count > listed.count { throw ChoiceChangeError.limitReached(max: round.maxChoices) }
            guard let row = try await Self.refusingPastTheLimit({
                try await pool.query(ChoiceQueries.save, [studentID, nil as Int64?, round.id, listed, next, false, actor.name, actor.userID])
            }).first else {
                throw DatabaseError(kind: .query, message: "choices_save answered no row for student \(studentID) in round \(round.id)")
            }
            let outcome = try row.decode("outcome", as: String.self)
            switch outcome {
            case "saved":
                return next
            case "slot_not_open":
                throw ChoiceChangeError.slotNotOpen
            case "stale":
                listed = try row.decode("current_slots", as: [Int64].self)
            case "not_found":
                throw DatabaseError(kind: .query, message: "student \(studentID) no longer exists", hint: "reload the page")
            default:
                throw DatabaseError(kind: .query, message: "choices_save answered an unknown outcome '\(outcome)' for student \(studentID)")
            }
        }
        throw ChoiceChangeError.changedMeanwhile
    }
}

/// What became of a reordered list (``ChoiceBook/saveOrder(studentID:scope:slots:)``).
public enum SavedOrder: Sendable, Equatable {
    case saved
    /// The student is not in the caller's scope (or does not exist): answer 404, without saying which.
    case notFound
    case noOpenRound
    /// The order does not hold exactly the slots listed now (the list changed in another window).
    case notSameSlots
}

extension ChoiceBook {
    /// Saves `slots` as the order of student `studentID`'s list in the open round, if she is in
    /// `scope` and they are exactly the slots listed now. One round trip (`choices_save`, sql/0052):
    /// the page's drag and drop sends whole orders, often, so it skips the read that
    /// ``update(studentID:round:current:_:)`` starts from. The author is ``AuditActor/current``.
    public func saveOrder(studentID: Int64, scope: RowScope, slots: [Int64]) async throws -> SavedOrder {
        guard scope.reachesStudents else { return .notFound }
        let actor = AuditActor.current
        let rows = try await Self.refusingPastTheLimit {
            try await pool.query(ChoiceQueries.save, [studentID, scope.schoolFilter, nil as Int64?, nil as [Int64]?, slots, true,
                                                      actor.name, actor.userID])
        }
        let outcome = try rows.first?.decode("outcome", as: String.self)
        switch outcome {
        case "saved": return .saved
        case "not_found": return .notFound
        case "no_round": return .noOpenRound
        case "not_same_slots": return .notSameSlots
        default:
            throw DatabaseError(kind: .query, message: "choices_save answered '\(outcome ?? "no row")' for student \(studentID)")
        }
    }
}

extension ChoiceBook {
    /// Runs a save, turning the database's refusal to move a choice past a lowered limit into the
    /// reason a counselor can act on.
    static func refusingPastTheLimit(_ save: () async throws -> [Row]) async throws -> [Row] {
        do {
            return try await save()
        } catch let error as DatabaseError where error.constraint == "choices_rank_max_choices" {
            throw ChoiceChangeError.pastLoweredLimit
        }
    }

    /// Saves a new order of the same slots in one statement that also checks the session: the
    /// session with store key `sessionKey` exists and has not expired, `csrfToken` is its CSRF
    /// token, and its user, not disabled, is a coordinator or a counselor of the student's school
    /// (sql/0054). True when saved (or already in that order); false when any check fails or the
    /// save did not go through: nothing changed then, and the caller handles the request the
    /// usual way, which gives the user the right answer.
    public func saveOrderInSession(sessionKey: String, csrfToken: String, studentID: Int64, slots: [Int64]) async throws -> Bool {
        let rows = try await pool.query(ChoiceQueries.saveInSession, [sessionKey, SHA256.digest(csrfToken), studentID, slots])
        return try rows.first?.decode("outcome", as: String.self) == "saved"
    }
}

/// The SQL of ``ChoiceBook``.
enum ChoiceQueries {
    static let openRound = """
        SELECT id, name, max_choices, to_char(choice_deadline, 'YYYY-MM-DD HH24:MI') AS deadline
        FROM rounds WHERE state = 'open' ORDER BY id DESC LIMIT 1
        """
    /// Choices of student $2 in round $1 with their slots.
    static let list = """
        SELECT c.rank, c.slot_id, sl.title, e.name AS employer_name, sl.kind, sl.program_of_study, sl.active
        FROM choices c JOIN slots sl ON sl.id = c.slot_id JOIN employers e ON e.id = sl.employer_id
        WHERE c.round_id = $1 AND c.student_id = $2
        ORDER BY c.rank
        """
    /// Student $1 if in school $2 (NULL: any), the newest open round (NULL columns when none) and
    /// her list in it.
    static let target = """
        SELECT \(StudentQueries.recordColumns),
               r.id AS round_id, r.name AS round_name, r.max_choices AS round_max_choices,
               to_char(r.choice_deadline, 'YYYY-MM-DD HH24:MI') AS round_deadline,
               coalesce((SELECT array_agg(c.slot_id ORDER BY c.rank) FROM choices c
                         WHERE c.round_id = r.id AND c.student_id = s.id), '{}') AS current_slots
        FROM students s JOIN organizations o ON o.id = s.school_id
        LEFT JOIN LATERAL (SELECT id, name, max_choices, choice_deadline FROM rounds
                           WHERE state = 'open' ORDER BY id DESC LIMIT 1) r ON true
        WHERE s.id = $1 AND ($2::bigint IS NULL OR s.school_id = $2)
        """
    static let slotIDs = "SELECT slot_id FROM choices WHERE round_id = $1 AND student_id = $2 ORDER BY rank"
    /// Saves list $5 of student $1 (if in school $2; NULL: any) in round $3 (NULL: the open round),
    /// if her list is still $4 or, with $6, holds the same slots; as actor $7 (users.id $8).
    /// One row (outcome, current_slots), see sql/0052_choice_lists_audited_whole.sql.
    static let save = """
        SELECT outcome, current_slots FROM choices_save($1, $2, $3, $4::bigint[], $5::bigint[], $6, $7::text, $8::bigint)
        """
    /// Session $1 (its store key), the SHA-256 of the CSRF token sent ($2), student $3, new order $4.
    static let saveInSession = "SELECT choices_save_in_session($1, $2, $3, $4::bigint[]) AS outcome"
}
