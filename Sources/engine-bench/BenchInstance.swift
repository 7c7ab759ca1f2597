import MatchingEngine

/// A generated benchmark instance in dense arrays, as written to and read from the binary format
/// that `bench/engine/da.c` also reads (see `bench/engine/README.md`).
struct BenchInstance {
    var seed: UInt64 = 0
    var prefStart: [Int32] = [0]
    var prefs: [Int32] = []
    var eligible: [UInt8] = []
    var capacity: [Int32] = []
    var reserved: [Int32] = []
    var hasRanking: [UInt8] = []
    var rankStart: [Int32] = [0]
    var rankStudent: [Int32] = []
    var rankTier: [Int32] = []
    var infStudent: [Int32] = []
    var infPosition: [Int32] = []
    var infReason: [Int32] = []

    static let reasons = ["under_minimum_age", "no_transport", "schedule_conflict", "missing_certification", "court_restriction"]

    var n: Int { eligible.count }
    var m: Int { capacity.count }

    /// Popularity-skewed choices: position `floor(m · u^3)` for uniform u, so low indices are wanted by many.
    /// 30% of positions rank their applicants (90% of them, in three tiers); 10% reserve one seat;
    /// 5% of students are reserve-eligible; 1% of choices are infeasible.
    static func generate(students n: Int, positions m: Int, choices k: Int, seed: UInt64, reserves: Bool) -> BenchInstance {
        var g = SplitMix64(seed: seed ^ 0x5EED)
        var b = BenchInstance()
        b.seed = seed
        func uniform() -> Double { Double(g.next() >> 11) / Double(1 << 53) }
        let choices = min(k, m)
        var seen = [Int32](repeating: -1, count: m)
        b.prefs.reserveCapacity(n * choices)
        for s in 0..<n {
            var listed = 0
            while listed < choices {
                let u = uniform()
                let p = min(m - 1, Int(Double(m) * u * u * u))
                if seen[p] == Int32(s) { continue }
                seen[p] = Int32(s)
                b.prefs.append(Int32(p))
                listed += 1
                if g.next() % 100 == 0 {
                    b.infStudent.append(Int32(s))
                    b.infPosition.append(Int32(p))
                    b.infReason.append(Int32(g.next() % UInt64(reasons.count)))
                }
            }
            b.prefStart.append(Int32(b.prefs.count))
            b.eligible.append(reserves && g.next() % 20 == 0 ? 1 : 0)
        }
        for _ in 0..<m {
            let c = Int32(1 + g.next() % 5)
            b.capacity.append(c)
            b.reserved.append(reserves && g.next() % 10 == 0 ? 1 : 0)
            b.hasRanking.append(g.next() % 10 < 3 ? 1 : 0)
        }
        // Rankings list 90% of each ranking position's applicants, in random order, in three tiers.
        var count = [Int](repeating: 0, count: m + 1)
        for p in b.prefs { count[Int(p) + 1] += 1 }
        for p in 0..<m { count[p + 1] += count[p] }
        var applicants = [Int32](repeating: 0, count: b.prefs.count)
        var fill = count
        for s in 0..<n {
            for e in Int(b.prefStart[s])..<Int(b.prefStart[s + 1]) {
                let p = Int(b.prefs[e])
                applicants[fill[p]] = Int32(s)
                fill[p] += 1
            }
        }
        for p in 0..<m {
            if b.hasRanking[p] == 1 {
                var list = Array(applicants[count[p]..<count[p + 1]])
                list.shuffle(using: &g)
                for s in list where g.next() % 10 != 0 {
                    b.rankStudent.append(s)
                    b.rankTier.append(Int32(1 + g.next() % 3))
                }
                // Tiers are given per entry; keep each ranking grouped by tier for the JSON form.
                let lo = Int(b.rankStart[p])
                var entries = Array(zip(b.rankStudent[lo...], b.rankTier[lo...]))
                entries.sort { $0.1 < $1.1 }
                for (i, e) in entries.enumerated() {
                    b.rankStudent[lo + i] = e.0
                    b.rankTier[lo + i] = e.1
                }
            }
            b.rankStart.append(Int32(b.rankStudent.count))
        }
        return b
    }

    func instance() throws(InstanceError) -> Instance {
        try Instance(
            seed: seed, preferenceStart: prefStart, preferences: prefs, reserveEligible: eligible.map { $0 != 0 },
            capacity: capacity, reserved: reserved, hasRanking: hasRanking.map { $0 != 0 }, rankingStart: rankStart,
            rankingStudent: rankStudent, rankingTier: rankTier,
            infeasible: infStudent.indices.map {
                InfeasiblePair(student: infStudent[$0], position: infPosition[$0], reasons: [Self.reasons[Int(infReason[$0])]])
            })
    }
}
