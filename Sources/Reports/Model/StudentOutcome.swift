/// One student's result in a run, with everything any report may say about her.
/// Who may read which part is decided by the renderers, not here.
public struct StudentOutcome: Sendable, Equatable {
    /// `students.id`.
    public var id: Int64
    /// The school's own id for the student.
    public var externalID: String
    public var firstName: String
    public var lastName: String
    /// `organizations.id` of the student's school.
    public var schoolID: Int64
    public var schoolName: String
    public var grade: Int
    /// Program-of-study code, e.g. `information_technology`.
    public var programOfStudy: String
    /// How many slots the student ranked.
    public var choiceCount: Int
    /// The seat she got, if any.
    public var assignment: Assignment?
    /// For each choice above her result: why she did not get it.
    public var explanation: [ExplanationLine]
    /// For an unmatched student who ranked something: the reason that weighs most.
    public var mainReason: Reason?
    /// What a counselor can record or do to open more choices.
    public var actionsNeeded: [ActionNeeded]
    /// Juvenile-services referral, if any (confidential).
    public var referral: ReferralInfo?

    /// A seat a student got.
    public struct Assignment: Sendable, Equatable {
        /// `slots.id`.
        public var slotID: Int64
        /// The rank of this slot on her list (1 = first choice).
        public var choiceRank: Int
        /// Placed on a reserved ("second-chance") seat: reveals a referral, so confidential.
        public var onReservedSeat: Bool
        /// `pending_approval` when the referral requires the case worker's approval (confidential).
        public var pendingApproval: Bool

        public init(slotID: Int64, choiceRank: Int, onReservedSeat: Bool = false, pendingApproval: Bool = false) {
            self.slotID = slotID
            self.choiceRank = choiceRank
            self.onReservedSeat = onReservedSeat
            self.pendingApproval = pendingApproval
        }
    }

    public init(id: Int64, externalID: String, firstName: String, lastName: String, schoolID: Int64,
                schoolName: String, grade: Int, programOfStudy: String, choiceCount: Int,
                assignment: Assignment? = nil, explanation: [ExplanationLine] = [], mainReason: Reason? = nil,
                actionsNeeded: [ActionNeeded] = [], referral: ReferralInfo? = nil) {
        self.id = id
        self.externalID = externalID
        self.firstName = firstName
        self.lastName = lastName
        self.schoolID = schoolID
        self.schoolName = schoolName
        self.grade = grade
        self.programOfStudy = programOfStudy
        self.choiceCount = choiceCount
        self.assignment = assignment
        self.explanation = explanation
        self.mainReason = mainReason
        self.actionsNeeded = actionsNeeded
        self.referral = referral
    }

    /// "Last, First".
    public var sortName: String { "\(lastName), \(firstName)" }
    /// "First Last".
    public var fullName: String { "\(firstName) \(lastName)" }
}
