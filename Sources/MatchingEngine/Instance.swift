/// A matching problem in dense form: students `0..<studentCount`, positions `0..<positionCount`.
///
/// Students' indices are also the lottery's canonical order: student `i` receives the `i`-th draw of
/// the seeded generator (see ``Lottery``). ``init(seed:students:positions:infeasible:)`` (string ids)
/// sorts students by the UTF-8 bytes of their ids so that order is independent of how input lists them;
/// ``Builder`` keeps the order in which the caller adds students.
///
/// Storage is flat `Int32` arrays so that a million students with ten choices each stay compact.
public struct Instance: Sendable {
    /// The lottery seed (any 64-bit value).
    public let seed: UInt64
    /// Student `s`'s choices are `preferences[preferenceStart[s]..<preferenceStart[s + 1]]`, best first.
    public let preferenceStart: [Int32]
    /// Flattened position indices of every student's list.
    public let preferences: [Int32]
    /// Whether each student may take reserved seats.
    public let reserveEligible: [Bool]
    /// Seats per position (≥ 0).
    public let capacity: [Int32]
    /// Reserved seats per position (0 ≤ reserved ≤ capacity).
    public let reserved: [Int32]
    /// Whether each position ranked its applicants. A position that did not accepts every applicant in one tier.
    public let hasRanking: [Bool]
    /// Position `p`'s ranking is entries `rankingStart[p]..<rankingStart[p + 1]` of ``rankingStudent`` / ``rankingTier``.
    public let rankingStart: [Int32]
    /// Students listed in rankings, flattened.
    public let rankingStudent: [Int32]
    /// Tier (1 = best) of each ranking entry; ties share a tier.
    public let rankingTier: [Int32]
    /// Pairs that never take part, with their reason codes.
    public let infeasible: [InfeasiblePair]
    /// Student ids when the instance was built from ids (else empty; indices are the ids).
    public let studentIDs: [String]
    /// Position ids when the instance was built from ids (else empty).
    public let positionIDs: [String]

    /// Number of students.
    public var studentCount: Int { reserveEligible.count }
    /// Number of positions.
    public var positionCount: Int { capacity.count }
    /// Total number of (student, position) choices listed.
    public var choiceCount: Int { preferences.count }

    /// Student `s`'s list of position indices, best first.
    public func preferences(of student: Int) -> ArraySlice<Int32> {
        preferences[Int(preferenceStart[student])..<Int(preferenceStart[student + 1])]
    }

    /// Position `p`'s ranking as (student, tier) pairs, or nil when it accepts everyone in one tier.
    public func ranking(of position: Int) -> [(student: Int32, tier: Int32)]? {
        guard hasRanking[position] else { return nil }
        let range = Int(rankingStart[position])..<Int(rankingStart[position + 1])
        return range.map { (rankingStudent[$0], rankingTier[$0]) }
    }

    /// A display name for student `s`: its id, or its index when the instance has no ids.
    public func studentName(_ s: Int) -> String { studentIDs.isEmpty ? String(s) : studentIDs[s] }
    /// A display name for position `p`: its id, or its index when the instance has no ids.
    public func positionName(_ p: Int) -> String { positionIDs.isEmpty ? String(p) : positionIDs[p] }

    /// Assembles an instance from already validated storage (used by ``Builder`` and the JSON reader).
    init(
        seed: UInt64, preferenceStart: [Int32], preferences: [Int32], reserveEligible: [Bool],
        capacity: [Int32], reserved: [Int32], hasRanking: [Bool], rankingStart: [Int32],
        rankingStudent: [Int32], rankingTier: [Int32], infeasible: [InfeasiblePair],
        studentIDs: [String], positionIDs: [String]
    ) {
        self.seed = seed
        self.preferenceStart = preferenceStart
        self.preferences = preferences
        self.reserveEligible = reserveEligible
        self.capacity = capacity
        self.reserved = reserved
        self.hasRanking = hasRanking
        self.rankingStart = rankingStart
        self.rankingStudent = rankingStudent
        self.rankingTier = rankingTier
        self.infeasible = infeasible
        self.studentIDs = studentIDs
        self.positionIDs = positionIDs
    }
}
