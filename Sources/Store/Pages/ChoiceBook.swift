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

    public var description: String {
        switch self {
        case .limitReached(let max): "This round allows at most \(max) choices. Remove one before adding another."
        case .alreadyListed: "That slot is on the list already."
        case .slotNotOpen: "That slot does not exist or is no longer offered."
        case .noSuchChoice: "That choice is not on the list (it may have changed in another window); reload the page."
        }
    }
}

/// Students' ranked choices in the open round. Every change reads and rewrites the whole list in
/// one transaction with the student's row locked, so two windows editing at once cannot interleave.
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

    /// Applies `change` to the ordered slot ids of the student's list and saves the result.
    /// `change` may throw a ``ChoiceChangeError``; new slots must be active, and the list may not
    /// exceed `round.maxChoices`.
    public func update(studentID: Int64, round: OpenRound, _ change: ([Int64]) throws -> [Int64]) async throws -> [Int64] {
        try await pool.withTransaction { conn in
            try await AuditActor.current.stamp(on: conn)
            _ = try await conn.query(ChoiceQueries.lockStudent, [studentID])
            let current = try await conn.query(ChoiceQueries.slotIDs, [round.id, studentID]).map { try $0.decode("slot_id", as: Int64.self) }
            let next = try change(current)
            if Set(next).count != next.count { throw ChoiceChangeError.alreadyListed }
            if next.count > round.maxChoices && next.count > current.count { throw ChoiceChangeError.limitReached(max: round.maxChoices) }
            let added = Set(next).subtracting(current)
            if !added.isEmpty {
                let open = try await conn.query(ChoiceQueries.activeSlots, [Array(added)]).count
                if open != added.count { throw ChoiceChangeError.slotNotOpen }
            }
            // Only ranks whose slot changed are rewritten, so the audit log shows what changed.
            _ = try await conn.execute(ChoiceQueries.deleteChanged, [round.id, studentID, next])
            if !next.isEmpty {
                _ = try await conn.execute(ChoiceQueries.insertRanked, [round.id, studentID, next])
            }
            return next
        }
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
    static let lockStudent = "SELECT id FROM students WHERE id = $1 FOR UPDATE"
    static let slotIDs = "SELECT slot_id FROM choices WHERE round_id = $1 AND student_id = $2 ORDER BY rank"
    static let activeSlots = "SELECT id FROM slots WHERE id = ANY($1::bigint[]) AND active"
    /// Deletes the choices of student $2 in round $1 that are not at the same rank in list $3.
    static let deleteChanged = """
        DELETE FROM choices c WHERE c.round_id = $1 AND c.student_id = $2
          AND NOT EXISTS (SELECT 1 FROM unnest($3::bigint[]) WITH ORDINALITY AS t(slot_id, ord)
                          WHERE t.ord = c.rank AND t.slot_id = c.slot_id)
        """
    /// Inserts slots $3 (in order, rank 1 first) for student $2 in round $1.
    static let insertRanked = """
        INSERT INTO choices (round_id, student_id, rank, slot_id)
        SELECT $1, $2, t.ord, t.slot_id FROM unnest($3::bigint[]) WITH ORDINALITY AS t(slot_id, ord)
        ON CONFLICT (round_id, student_id, rank) DO NOTHING
        """
}
