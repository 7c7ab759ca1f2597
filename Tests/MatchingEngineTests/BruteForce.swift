@testable import MatchingEngine

/// A deliberately naive model of the same semantics, sharing no code with the engine or the verifier
/// beyond ``Lottery``: it evaluates the choice rule literally and enumerates every matching.
struct BruteForce {
    let small: SmallInstance
    let lottery: Lottery

    init(_ small: SmallInstance) {
        self.small = small
        lottery = Lottery(seed: small.seed, count: small.studentCount)
    }

    /// (tier, lottery rank) of s at p, or nil when the pair does not take part.
    func priority(_ s: Int, _ p: Int) -> (Int, Int)? {
        guard small.preferences[s].contains(p) else { return nil }
        if small.infeasible.contains(where: { $0.student == s && $0.position == p }) { return nil }
        var tier = 1
        if let tiers = small.ranking[p] {
            guard let t = tiers.firstIndex(where: { $0.contains(s) }) else { return nil }
            tier = t + 1
        }
        return (tier, Int(lottery.rank[s]))
    }

    /// The soft-reserve choice rule, literally: best `reserved` eligible applicants, then the best of the rest.
    func choose(_ p: Int, from applicants: [Int]) -> Set<Int> {
        let sorted = applicants.sorted { priority($0, p)! < priority($1, p)! }
        var chosen: [Int] = []
        for s in sorted where small.eligible[s] && chosen.count < small.reserved[p] { chosen.append(s) }
        for s in sorted where !chosen.contains(s) && chosen.count < small.capacity[p] { chosen.append(s) }
        return Set(chosen)
    }

    /// Student s's rank of p in her list (smaller is better); unmatched ranks after every listed position.
    func rank(_ s: Int, _ p: Int) -> Int { p < 0 ? Int.max : small.preferences[s].firstIndex(of: p)! }

    func isStable(_ a: [Int]) -> Bool {
        for p in 0..<small.positionCount {
            let members = (0..<small.studentCount).filter { a[$0] == p }
            if members.count > small.capacity[p] { return false }
            if members.contains(where: { priority($0, p) == nil }) { return false }
            if choose(p, from: members) != Set(members) { return false }
        }
        for s in 0..<small.studentCount {
            for p in small.preferences[s] where rank(s, p) < rank(s, a[s]) && priority(s, p) != nil {
                let members = (0..<small.studentCount).filter { a[$0] == p }
                if choose(p, from: members + [s]).contains(s) { return false }
            }
        }
        return true
    }

    /// Every stable matching (as position per student, -1 unmatched).
    func stableMatchings() -> [[Int]] {
        var out: [[Int]] = []
        var a = [Int](repeating: -1, count: small.studentCount)
        func go(_ s: Int) {
            if s == small.studentCount {
                if isStable(a) { out.append(a) }
                return
            }
            for p in [-1] + small.preferences[s] where p < 0 || priority(s, p) != nil {
                a[s] = p
                go(s + 1)
            }
            a[s] = -1
        }
        go(0)
        return out
    }
}
