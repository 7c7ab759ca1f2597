/// Why a student did not get one of the choices she ranked above her result.
public struct ExplanationLine: Sendable, Equatable {
    /// The choice's rank on the student's list (1 = first choice).
    public var choiceRank: Int
    /// The slot's title, e.g. "Welding helper".
    public var slotTitle: String
    /// The employer offering the slot.
    public var employerName: String
    /// Why: ineligible (with the rule), not ranked, or outranked (with the cutoff).
    public var reason: Reason

    public init(choiceRank: Int, slotTitle: String, employerName: String, reason: Reason) {
        self.choiceRank = choiceRank
        self.slotTitle = slotTitle
        self.employerName = employerName
        self.reason = reason
    }
}
