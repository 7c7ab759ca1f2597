/// What changed between two runs of the same round, student by student.
public struct RunChanges: Sendable, Equatable {
    /// A student whose seat changed from one slot to another.
    public struct Move: Sendable, Equatable {
        public var studentID: Int64
        public var fromSlotID: Int64
        public var toSlotID: Int64
    }

    /// Students who changed slot.
    public var moved: [Move]
    /// Students matched now who were not before.
    public var newlyMatched: [Int64]
    /// Students matched before who are not now.
    public var newlyUnmatched: [Int64]
    /// Students who kept the same slot.
    public var unchanged: Int

    /// True when nobody's result changed.
    public var isEmpty: Bool { moved.isEmpty && newlyMatched.isEmpty && newlyUnmatched.isEmpty }

    /// Compares two runs' assignments (student id → slot id). Lists are sorted by student id.
    public static func between(previous: [Int64: Int64], current: [Int64: Int64]) -> RunChanges {
        var moved: [Move] = []
        var newlyMatched: [Int64] = []
        var newlyUnmatched: [Int64] = []
        var unchanged = 0
        for (student, slot) in current {
            if let before = previous[student] {
                if before == slot { unchanged += 1 } else { moved.append(Move(studentID: student, fromSlotID: before, toSlotID: slot)) }
            } else {
                newlyMatched.append(student)
            }
        }
        for student in previous.keys where current[student] == nil { newlyUnmatched.append(student) }
        moved.sort { $0.studentID < $1.studentID }
        newlyMatched.sort()
        newlyUnmatched.sort()
        return RunChanges(moved: moved, newlyMatched: newlyMatched, newlyUnmatched: newlyUnmatched, unchanged: unchanged)
    }
}
