import Placement

/// Everything a match run reads, taken in one REPEATABLE READ snapshot: the round, the policy, the
/// students, slots and sites, the choices and rankings, the referrals (confidential) and, in a
/// second round, the placements students keep from the round before.
public struct RunInputs: Sendable {
    /// The round matched.
    public struct Round: Sendable, Equatable {
        public var id: Int64
        public var name: String
        /// `open` or `final`.
        public var state: String
        public var previousRoundID: Int64?
        public var maxChoices: Int
        public init(id: Int64, name: String, state: String = "open", previousRoundID: Int64? = nil, maxChoices: Int = 10) {
            self.id = id; self.name = name; self.state = state; self.previousRoundID = previousRoundID; self.maxChoices = maxChoices
        }
    }

    /// A school, EDC or juvenile-services office, as reports name it.
    public struct Organization: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var location: GeoPoint?
        public init(id: Int64, name: String, location: GeoPoint? = nil) { self.id = id; self.name = name; self.location = location }
    }

    /// One entry of an employer's ranking of a slot's applicants.
    public struct RankingEntry: Sendable, Equatable {
        public var studentID: Int64
        /// 1 = best; equal tiers are ties, broken by the lottery.
        public var tier: Int
        public init(studentID: Int64, tier: Int) { self.studentID = studentID; self.tier = tier }
    }

    /// A placement a student keeps from the previous round (second round).
    public struct KeptPlacement: Sendable, Equatable {
        public var slotID: Int64
        public var choiceRank: Int
        public var reservedSeat: Bool
        public init(slotID: Int64, choiceRank: Int, reservedSeat: Bool = false) {
            self.slotID = slotID; self.choiceRank = choiceRank; self.reservedSeat = reservedSeat
        }
    }

    public var round: Round
    public var policy: EligibilityPolicy
    public var policyVersion: Int?
    /// Every student with a choice in the round or a kept placement, sorted by id.
    public var students: [Student]
    /// Every slot a student chose or keeps, sorted by id (inactive ones too: they explain themselves).
    public var slots: [Slot]
    public var sites: [Site]
    public var employers: [Int64: Employer]
    /// Schools and EDCs by id.
    public var organizations: [Int64: Organization]
    /// School id → the sites its buses serve.
    public var busRoutes: [Int64: Set<Int64>]
    /// Active referrals by student id (confidential).
    public var referrals: [Int64: Referral]
    /// Names of the users reports mention (referring case workers).
    public var userNames: [Int64: String]
    /// Student id → slot ids, best first.
    public var choices: [Int64: [Int64]]
    /// Slot id → its ranking; a slot absent here did not rank (default priority applies).
    public var rankings: [Int64: [RankingEntry]]
    /// Second round: student id → the placement she keeps.
    public var kept: [Int64: KeptPlacement]
    /// SHA-256 of the snapshot as read (hex).
    public var digest: String
    /// School id → its students with neither a choice in the round nor a kept placement: not matched,
    /// only counted for the reports (a counselor follows them up).
    public var withoutChoices: [Int64: Int] = [:]

    public init(round: Round, policy: EligibilityPolicy, policyVersion: Int? = nil, students: [Student], slots: [Slot],
                sites: [Site], employers: [Int64: Employer], organizations: [Int64: Organization],
                busRoutes: [Int64: Set<Int64>] = [:], referrals: [Int64: Referral] = [:], userNames: [Int64: String] = [:],
                choices: [Int64: [Int64]], rankings: [Int64: [RankingEntry]] = [:], kept: [Int64: KeptPlacement] = [:],
                digest: String = "") {
        self.round = round; self.policy = policy; self.policyVersion = policyVersion
        self.students = students.sorted { $0.id < $1.id }
        self.slots = slots.sorted { $0.id < $1.id }
        self.sites = sites; self.employers = employers; self.organizations = organizations; self.busRoutes = busRoutes
        self.referrals = referrals; self.userNames = userNames; self.choices = choices; self.rankings = rankings
        self.kept = kept; self.digest = digest
    }

    /// The number of choices in the snapshot.
    public var choiceCount: Int { choices.values.reduce(0) { $0 + $1.count } }
}
