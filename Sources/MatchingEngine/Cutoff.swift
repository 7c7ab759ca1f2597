/// The lowest applicant a filled position admitted.
public struct Cutoff: Sendable, Hashable {
    /// The lowest admitted applicant's priority there.
    public var lowest: Priority
    /// Who she is (student index).
    public var lowestStudent: Int
    /// For a position with reserved seats: the lowest applicant admitted to a seat that is not reserved
    /// (nil when every seat went to reserve-eligible applicants in reserved seats). Applicants who are not
    /// reserve-eligible had to beat this one.
    public var open: Priority?
    /// Who the lowest open-seat applicant is.
    public var openStudent: Int?

    /// Creates a cutoff.
    public init(lowest: Priority, lowestStudent: Int, open: Priority? = nil, openStudent: Int? = nil) {
        self.lowest = lowest
        self.lowestStudent = lowestStudent
        self.open = open
        self.openStudent = openStudent
    }
}

extension Solution {
    /// For each position that filled all its seats (capacity > 0), its cutoff; nil for the others.
    public func cutoffs() -> [Cutoff?] {
        let m = instance.positionCount
        let admitted = studentsByPosition()
        var scratch = [Int32](repeating: 0, count: instance.studentCount)
        var out = [Cutoff?](repeating: nil, count: m)
        for p in 0..<m {
            let c = Int(instance.capacity[p])
            guard c > 0, admitted[p].count == c else { continue }
            let ranked = instance.hasRanking[p]
            let lo = Int(instance.rankingStart[p]), hi = Int(instance.rankingStart[p + 1])
            if ranked { for k in lo..<hi { scratch[Int(instance.rankingStudent[k])] = instance.rankingTier[k] } }
            var keyed: [(key: UInt64, student: Int, eligible: Bool)] = admitted[p].map { s in
                let tier = ranked ? max(scratch[Int(s)], 1) : 1
                return (UInt64(UInt32(tier)) << 32 | UInt64(UInt32(lottery.rank[Int(s)])), Int(s), instance.reserveEligible[Int(s)])
            }
            if ranked { for k in lo..<hi { scratch[Int(instance.rankingStudent[k])] = 0 } }
            keyed.sort { $0.key < $1.key }
            let worst = keyed[keyed.count - 1]
            var cutoff = Cutoff(lowest: Priority(key: worst.key), lowestStudent: worst.student)
            let r = Int(instance.reserved[p])
            if r > 0 {
                var inReserved = 0
                var openWorst: (key: UInt64, student: Int)?
                for a in keyed {
                    if a.eligible && inReserved < r { inReserved += 1 } else { openWorst = (a.key, a.student) }
                }
                cutoff.open = openWorst.map { Priority(key: $0.key) }
                cutoff.openStudent = openWorst?.student
            }
            out[p] = cutoff
        }
        return out
    }
}
