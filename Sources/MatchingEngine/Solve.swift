/// Computes the stable matching of `instance` by deferred acceptance.
///
/// ```swift
/// let solution = solve(instance)                      // student-optimal
/// let check = Verifier(instance).verify(solution.assignment)
/// precondition(check.isStable)
/// let why = solution.explainer().explain(student: 3)
/// ```
/// - Parameters:
///   - instance: the students, positions, rankings and infeasible pairs.
///   - proposing: `.students` (student-optimal, the default) or `.positions` (position-optimal).
public func solve(_ instance: Instance, proposing: Proposing = .students) -> Solution {
    let lottery = Lottery(seed: instance.seed, count: instance.studentCount)
    let keys = EdgeKeys.build(instance, lottery: lottery)
    let result = switch proposing {
    case .students: StudentProposing.run(instance, keys: keys, lottery: lottery)
    case .positions: PositionProposing.run(instance, keys: keys, lottery: lottery)
    }
    return Solution(instance: instance, proposing: proposing, assignment: result.assignment,
                    proposals: result.proposals, lottery: lottery)
}
