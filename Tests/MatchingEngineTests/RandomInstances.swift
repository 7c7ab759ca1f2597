@testable import MatchingEngine

/// Small random instances from a seeded generator, described in plain arrays so tests can also build
/// variants (truncated lists, permuted input) and check them by brute force.
struct SmallInstance: Sendable, CustomStringConvertible {
    var seed: UInt64
    var preferences: [[Int]]
    var eligible: [Bool]
    var capacity: [Int]
    var reserved: [Int]
    /// nil: accepts everyone, one tier.
    var ranking: [[[Int]]?]
    var infeasible: [(student: Int, position: Int)]

    var studentCount: Int { preferences.count }
    var positionCount: Int { capacity.count }

    func instance() throws -> Instance {
        var b = Instance.Builder(seed: seed)
        for (s, list) in preferences.enumerated() { b.addStudent(preferences: list, reserveEligible: eligible[s]) }
        for p in 0..<positionCount { b.addPosition(capacity: capacity[p], reserved: reserved[p], ranking: ranking[p]) }
        for pair in infeasible { b.addInfeasible(student: pair.student, position: pair.position, reasons: ["rule_\(pair.position)"]) }
        return try b.build()
    }

    var description: String {
        "SmallInstance(seed: \(seed), preferences: \(preferences), eligible: \(eligible), capacity: \(capacity), reserved: \(reserved), ranking: \(ranking), infeasible: \(infeasible))"
    }

    static func random(_ g: inout SplitMix64, maxStudents: Int = 5, maxPositions: Int = 4, maxCapacity: Int = 2) -> SmallInstance {
        let n = Int.random(in: 1...maxStudents, using: &g)
        let m = Int.random(in: 1...maxPositions, using: &g)
        var prefs: [[Int]] = []
        for _ in 0..<n {
            let len = Int.random(in: 0...m, using: &g)
            prefs.append(Array((0..<m).shuffled(using: &g).prefix(len)))
        }
        let eligible = (0..<n).map { _ in Int.random(in: 0..<3, using: &g) == 0 }
        let capacity = (0..<m).map { _ in Int.random(in: 0...maxCapacity, using: &g) }
        let reserved = capacity.map { Int.random(in: 0...$0, using: &g) }
        var ranking: [[[Int]]?] = []
        for _ in 0..<m {
            if Bool.random(using: &g) { ranking.append(nil); continue }
            let listed = (0..<n).shuffled(using: &g).filter { _ in Int.random(in: 0..<5, using: &g) != 0 }
            var tiers: [[Int]] = []
            for s in listed {
                if !tiers.isEmpty && Int.random(in: 0..<3, using: &g) == 0 { tiers[tiers.count - 1].append(s) } else { tiers.append([s]) }
            }
            ranking.append(tiers)
        }
        var infeasible: [(Int, Int)] = []
        for s in 0..<n {
            for p in prefs[s] where Int.random(in: 0..<8, using: &g) == 0 { infeasible.append((s, p)) }
        }
        return SmallInstance(seed: g.next(), preferences: prefs, eligible: eligible, capacity: capacity,
                             reserved: reserved, ranking: ranking, infeasible: infeasible)
    }
}
