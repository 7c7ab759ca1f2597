/// Explains, for each student, every choice she ranked above the position she got (all of them when unmatched).
/// Create it once per solution (it computes the cutoffs and a per-student index of rankings).
public struct Explainer: Sendable {
    /// The solution explained.
    public let solution: Solution
    /// The cutoffs, per position.
    public let cutoffs: [Cutoff?]
    private let pairs: StudentPairs
    private let infeasibleStart: [Int32]

    /// Prepares explanations for `solution`.
    public init(_ solution: Solution) {
        self.solution = solution
        cutoffs = solution.cutoffs()
        pairs = StudentPairs(solution.instance)
        let n = solution.instance.studentCount
        var start = [Int32](repeating: 0, count: n + 1)
        for pair in solution.instance.infeasible { start[Int(pair.student) + 1] += 1 }
        for s in 0..<n { start[s + 1] += start[s] }
        infeasibleStart = start
    }

    /// The explanations for student `s`, in her order of preference.
    public func explain(student s: Int) -> [ChoiceExplanation] {
        let instance = solution.instance
        let list = instance.preferences(of: s)
        let got = solution.assignment[s]
        var out: [ChoiceExplanation] = []
        for (i, p32) in list.enumerated() {
            if p32 == got { break }
            let p = Int(p32)
            out.append(ChoiceExplanation(position: p, choice: i, reason: reason(s, p)))
        }
        return out
    }

    private func reason(_ s: Int, _ p: Int) -> ChoiceExplanation.Reason {
        let instance = solution.instance
        for k in Int(infeasibleStart[s])..<Int(infeasibleStart[s + 1]) where Int(instance.infeasible[k].position) == p {
            return .infeasible(reasons: instance.infeasible[k].reasons)
        }
        var tier = 1
        if instance.hasRanking[p] {
            guard let t = pairs.tier(student: s, position: Int32(p)) else { return .notRanked }
            tier = Int(t)
        }
        if instance.capacity[p] == 0 { return .noCapacity }
        let own = Priority(tier: tier, lottery: solution.lottery.number(of: s))
        guard let cutoff = cutoffs[p] else { return .outranked(priority: own, cutoff: nil) }
        if instance.reserved[p] > 0 && !instance.reserveEligible[s] {
            return .outranked(priority: own, cutoff: cutoff.open)
        }
        return .outranked(priority: own, cutoff: cutoff.lowest)
    }
}

extension Solution {
    /// An ``Explainer`` for this solution.
    public func explainer() -> Explainer { Explainer(self) }
}
