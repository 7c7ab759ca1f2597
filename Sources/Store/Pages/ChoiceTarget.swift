/// What a change to a student's choices starts from, read in one query by
/// ``ChoiceBook/target(studentID:scope:)``: the student, the open round, and her list in it.
public struct ChoiceTarget: Sendable, Equatable {
    /// The student (within the caller's scope).
    public var student: StudentRecord
    /// The newest open round, or nil when no round is open.
    public var round: OpenRound?
    /// The slot ids of her choices in `round`, rank 1 first (empty without a round).
    public var slotIDs: [Int64]
}
