/// Checks an assignment independently of the engine: capacities, acceptability, feasibility, and no blocking
/// pair under each position's soft-reserve choice rule.
///
/// It shares no code with the solver but ``SplitMix64``: it looks rankings up by binary search in per-position
/// arrays sorted by student, infeasible pairs in one sorted array, and draws and sorts the lottery itself.
///
/// A pair (s, p) blocks when s listed p above her assignment (or is unmatched), the pair takes part, and
/// `s ∈ Ch_p(μ(p) ∪ {s})`. With `μ(p)` below capacity that always holds. With `μ(p)` full, let `R` be the best
/// `reserved(p)` reserve-eligible students in `μ(p)` and `O = μ(p) \ R`: s is chosen when she is eligible and
/// either `|R| < reserved(p)` or she beats the worst of `R`, or when she beats the worst of `O`.
public struct Verifier: Sendable {
    /// Violations kept in a ``Verification`` (all are counted).
    public static let reportLimit = 100

    private let instance: Instance
    private let lotteryRank: [UInt32]
    /// Per position, its ranking as `student << 32 | tier`, sorted.
    private let sortedRanking: [UInt64]
    /// Infeasible pairs as `student << 32 | position`, sorted.
    private let infeasibleCodes: [UInt64]

    /// Prepares lookups for `instance`.
    public init(_ instance: Instance) {
        self.instance = instance
        let n = instance.studentCount
        var g = SplitMix64(seed: instance.seed)
        var draws: [(UInt64, Int32)] = []
        draws.reserveCapacity(n)
        for i in 0..<n { draws.append((g.next(), Int32(i))) }
        draws.sort { $0 < $1 }
        var rank = [UInt32](repeating: 0, count: n)
        for (k, d) in draws.enumerated() { rank[Int(d.1)] = UInt32(k) }
        lotteryRank = rank
        var sorted = [UInt64]()
        sorted.reserveCapacity(instance.rankingStudent.count)
        for p in 0..<instance.positionCount {
            let lo = Int(instance.rankingStart[p])
            let hi = Int(instance.rankingStart[p + 1])
            var part = (lo..<hi).map { UInt64(UInt32(instance.rankingStudent[$0])) << 32 | UInt64(UInt32(instance.rankingTier[$0])) }
            part.sort()
            sorted.append(contentsOf: part)
        }
        sortedRanking = sorted
        infeasibleCodes = instance.infeasible.map { UInt64(UInt32($0.student)) << 32 | UInt64(UInt32($0.position)) }.sorted()
    }

    /// Student `s`'s priority key at `p` (`tier << 32 | lotteryRank`), or nil when the pair does not take part.
    func key(_ s: Int, _ p: Int) -> UInt64? {
        if isInfeasible(s, p) { return nil }
        return rankedKey(s, p)
    }

    func isInfeasible(_ s: Int, _ p: Int) -> Bool {
        infeasibleCodes.binarySearch(UInt64(UInt32(s)) << 32 | UInt64(UInt32(p))) != nil
    }

    /// The key ignoring infeasibility: nil only when the position ranks and does not list `s`.
    func rankedKey(_ s: Int, _ p: Int) -> UInt64? {
        var tier: UInt64 = 1
        if instance.hasRanking[p] {
            var lo = Int(instance.rankingStart[p]), hi = Int(instance.rankingStart[p + 1])
            let target = UInt64(UInt32(s))
            while lo < hi {
                let mid = (lo + hi) / 2
                if sortedRanking[mid] >> 32 < target { lo = mid + 1 } else { hi = mid }
            }
            guard lo < Int(instance.rankingStart[p + 1]), sortedRanking[lo] >> 32 == target else { return nil }
            tier = sortedRanking[lo] & 0xFFFF_FFFF
        }
        return tier << 32 | UInt64(lotteryRank[s])
    }

    /// Verifies `assignment` (`assignment[s]` = position index or -1).
    public func verify(_ assignment: [Int32]) -> Verification {
        var result = Verification(violations: [], violationCount: 0)
        func report(_ v: Verification.Violation) {
            result.violationCount += 1
            if result.violations.count < Self.reportLimit { result.violations.append(v) }
        }
        let n = instance.studentCount, m = instance.positionCount
        guard assignment.count == n else {
            report(.wrongLength(expected: n, got: assignment.count))
            return result
        }
        var members = [[Int]](repeating: [], count: m)
        for s in 0..<n {
            let p = Int(assignment[s])
            if p < 0 { continue }
            guard p < m else { report(.overCapacity(position: p, assigned: 1, capacity: -1)); continue }
            if !instance.preferences(of: s).contains(Int32(p)) { report(.notListed(student: s, position: p)) }
            if infeasibleCodes.binarySearch(UInt64(UInt32(s)) << 32 | UInt64(UInt32(p))) != nil {
                report(.infeasible(student: s, position: p))
            } else if key(s, p) == nil {
                report(.notAcceptable(student: s, position: p))
            }
            members[p].append(s)
        }
        // What it takes to enter each position: open (below capacity), or beating the worst reserved / open holder.
        var notFull = [Bool](repeating: false, count: m)
        var worstReserved = [UInt64?](repeating: nil, count: m)
        var reservedShort = [Bool](repeating: false, count: m)
        var worstOpen = [UInt64?](repeating: nil, count: m)
        for p in 0..<m {
            let c = Int(instance.capacity[p]), r = Int(instance.reserved[p])
            if members[p].count > c { report(.overCapacity(position: p, assigned: members[p].count, capacity: c)) }
            if members[p].count < c { notFull[p] = true; continue }
            let held = members[p].compactMap { s in key(s, p).map { (key: $0, eligible: instance.reserveEligible[s]) } }
            var eligibleKeys = held.filter(\.eligible).map(\.key).sorted()
            if eligibleKeys.count > r { eligibleKeys.removeLast(eligibleKeys.count - r) }
            reservedShort[p] = r > 0 && eligibleKeys.count < r
            worstReserved[p] = eligibleKeys.last
            let reservedSet = Set(eligibleKeys)
            worstOpen[p] = held.map(\.key).filter { !reservedSet.contains($0) }.max()
        }
        instance.preferences.withUnsafeBufferPointer { prefs in
            for s in 0..<n {
                let got = assignment[s]
                let eligible = instance.reserveEligible[s]
                for k in Int(instance.preferenceStart[s])..<Int(instance.preferenceStart[s + 1]) {
                    let p32 = prefs[k]
                    if p32 == got { break }
                    let p = Int(p32)
                    // Infeasibility is looked up last: it only matters for a pair that would otherwise block.
                    guard instance.capacity[p] > 0, let key = rankedKey(s, p) else { continue }
                    var chosen = notFull[p]
                    if !chosen, eligible, instance.reserved[p] > 0 {
                        chosen = reservedShort[p] || (worstReserved[p].map { key < $0 } ?? false)
                    }
                    if !chosen, let w = worstOpen[p], key < w { chosen = true }
                    if chosen && !isInfeasible(s, p) { report(.blockingPair(student: s, position: p)) }
                }
            }
        }
        return result
    }
}

extension Array where Element == UInt64 {
    /// Index of `value` in this ascending array, or nil.
    func binarySearch(_ value: UInt64) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self[lo] == value ? lo : nil
    }
}
