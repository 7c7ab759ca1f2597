/// The outcome of ``solve(_:proposing:)``: who goes where, and what it took.
public struct Solution: Sendable {
    /// The instance solved.
    public let instance: Instance
    /// Which side proposed.
    public let proposing: Proposing
    /// `assignment[s]` is student `s`'s position index, or -1 when she is unmatched.
    public let assignment: [Int32]
    /// Applications made (student-proposing) or seats offered (position-proposing).
    public let proposals: Int
    /// The lottery drawn from the instance's seed.
    public let lottery: Lottery

    /// Student `s`'s position, or nil when unmatched.
    public func position(of student: Int) -> Int? {
        let p = assignment[student]
        return p < 0 ? nil : Int(p)
    }

    /// Number of students matched.
    public var matchedCount: Int { assignment.lazy.filter { $0 >= 0 }.count }

    /// Students of each position, in increasing student index.
    public func studentsByPosition() -> [[Int32]] {
        var out = [[Int32]](repeating: [], count: instance.positionCount)
        for (s, p) in assignment.enumerated() where p >= 0 { out[Int(p)].append(Int32(s)) }
        return out
    }

    /// Checks the assignment with the independent ``Verifier``.
    public func verify() -> Verification { Verifier(instance).verify(assignment) }
}
