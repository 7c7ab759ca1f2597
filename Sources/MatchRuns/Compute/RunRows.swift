/// One row of `match_assignments`: a student's seat, or none.
public struct AssignmentRow: Sendable, Equatable {
    public var studentID: Int64
    public var slotID: Int64?
    public var choiceRank: Int?
    /// Took a reserved ("second-chance") seat. Confidential.
    public var reservedSeat: Bool
    /// `matched`, `pending_approval` (the referral requires the case worker's approval; confidential),
    /// or nil when unmatched.
    public var status: String?
    /// Kept from the previous round (second round).
    public var kept: Bool

    public init(studentID: Int64, slotID: Int64?, choiceRank: Int?, reservedSeat: Bool = false, status: String? = nil, kept: Bool = false) {
        self.studentID = studentID; self.slotID = slotID; self.choiceRank = choiceRank
        self.reservedSeat = reservedSeat; self.status = status; self.kept = kept
    }
}

/// One row of `match_explanations`: why a student did not get a choice above her result.
public struct ExplanationRecord: Sendable, Equatable {
    public var studentID: Int64
    public var slotID: Int64
    public var choiceRank: Int
    /// `ineligible`, `outranked` or `ranked_out`.
    public var outcome: String
    /// Failed rules (`ineligible`) or `no_capacity`.
    public var reasonCodes: [String]
    /// JSON object: the cutoff and the student's priority for `outranked`.
    public var detail: String
    /// The full sentence (entitled wording: mask it when `confidential`).
    public var message: String
    /// The sentence for readers not entitled to juvenile data, when it differs (`confidential` rows); else empty.
    public var publicMessage: String
    /// Rests on juvenile-services data.
    public var confidential: Bool
}
