import Testing
@testable import MatchingEngine

/// Properties over thousands of random small instances (seeded, so every failure reproduces).
@Suite struct PropertyTests {
    @Test func everySolutionPassesTheVerifier() throws {
        var g = SplitMix64(seed: 1)
        for _ in 0..<3000 {
            let small = SmallInstance.random(&g, maxStudents: 8, maxPositions: 5, maxCapacity: 3)
            let instance = try small.instance()
            for side in Proposing.allCases {
                let v = solve(instance, proposing: side).verify()
                #expect(v.isStable, "\(side): \(v.violations) in \(small)")
            }
        }
    }

    @Test func verifierAgreesWithBruteForceOnEveryMatching() throws {
        var g = SplitMix64(seed: 2)
        for _ in 0..<300 {
            let small = SmallInstance.random(&g, maxStudents: 4, maxPositions: 3)
            let instance = try small.instance()
            let brute = BruteForce(small)
            let verifier = Verifier(instance)
            // Every assignment of students to listed positions or nothing, acceptable or not.
            var a = [Int32](repeating: -1, count: small.studentCount)
            func go(_ s: Int) {
                if s == small.studentCount {
                    let naive = brute.isStable(a.map(Int.init))
                    let checked = verifier.verify(a).isStable
                    #expect(naive == checked, "\(a) in \(small)")
                    return
                }
                for p in [-1] + small.preferences[s] {
                    a[s] = Int32(p)
                    go(s + 1)
                }
                a[s] = -1
            }
            go(0)
        }
    }

    @Test func studentProposingIsStudentOptimalAndPositionProposingStudentPessimal() throws {
        var g = SplitMix64(seed: 3)
        for _ in 0..<600 {
            let small = SmallInstance.random(&g, maxStudents: 5, maxPositions: 3)
            let instance = try small.instance()
            let brute = BruteForce(small)
            let stable = brute.stableMatchings()
            let best = solve(instance, proposing: .students).assignment.map(Int.init)
            let worst = solve(instance, proposing: .positions).assignment.map(Int.init)
            #expect(stable.contains(best), "student-proposing result \(best) is not stable in \(small)")
            #expect(stable.contains(worst), "position-proposing result \(worst) is not stable in \(small)")
            for m in stable {
                for s in 0..<small.studentCount {
                    #expect(brute.rank(s, best[s]) <= brute.rank(s, m[s]), "student \(s) does better in \(m) than \(best): \(small)")
                    #expect(brute.rank(s, worst[s]) >= brute.rank(s, m[s]), "student \(s) does worse in \(m) than \(worst): \(small)")
                }
            }
        }
    }

    @Test func noStudentGainsByTruncatingOrReordering() throws {
        var g = SplitMix64(seed: 4)
        for _ in 0..<250 {
            let small = SmallInstance.random(&g, maxStudents: 4, maxPositions: 3)
            let truth = solve(try small.instance()).assignment
            let brute = BruteForce(small)
            for s in 0..<small.studentCount {
                for lie in allLists(of: small.positionCount) where lie != small.preferences[s] {
                    var variant = small
                    variant.preferences[s] = lie
                    // Infeasible pairs stay attached to the student, whatever she lists.
                    let got = Int(solve(try variant.instance()).assignment[s])
                    let trueRank = got < 0 || !small.preferences[s].contains(got) ? Int.max : brute.rank(s, got)
                    #expect(trueRank >= brute.rank(s, Int(truth[s])), "student \(s) gains by listing \(lie) in \(small)")
                }
            }
        }
    }

    /// Every ordered list of distinct positions from 0..<m (including the empty list).
    func allLists(of m: Int) -> [[Int]] {
        var out: [[Int]] = [[]]
        func go(_ prefix: [Int]) {
            for p in 0..<m where !prefix.contains(p) {
                out.append(prefix + [p])
                go(prefix + [p])
            }
        }
        go([])
        return out
    }

    @Test func deterministicForASeedAndIndependentOfInputOrder() throws {
        var g = SplitMix64(seed: 5)
        for _ in 0..<300 {
            let small = SmallInstance.random(&g, maxStudents: 8, maxPositions: 5, maxCapacity: 3)
            let students = small.preferences.enumerated().map { s, list in
                Instance.StudentInput(id: "s\(s)", preferences: list.map { "p\($0)" }, reserveEligible: small.eligible[s])
            }
            let positions = (0..<small.positionCount).map { p in
                Instance.PositionInput(id: "p\(p)", capacity: small.capacity[p], reserved: small.reserved[p],
                                       ranking: small.ranking[p].map { $0.map { $0.map { "s\($0)" } } })
            }
            let infeasible = small.infeasible.map { Instance.InfeasibleInput(student: "s\($0.student)", position: "p\($0.position)", reasons: ["r"]) }
            let a = try Instance(seed: small.seed, students: students, positions: positions, infeasible: infeasible)
            let b = try Instance(seed: small.seed, students: students.shuffled(using: &g), positions: positions.shuffled(using: &g),
                                 infeasible: infeasible.shuffled(using: &g))
            let ra = solve(a), rb = solve(b)
            #expect(ra.assignment == rb.assignment)
            #expect(ra.assignment == solve(a).assignment)
            #expect(ra.proposals == rb.proposals)
            let va = Verification(violations: [], violationCount: 0)
            #expect(SolutionJSONWriter.write(ra, verification: va, solveSeconds: 0, explain: true)
                    == SolutionJSONWriter.write(rb, verification: va, solveSeconds: 0, explain: true))
        }
    }

    @Test func reservesChangeNothingWhenEveryoneOrNoOneIsEligible() throws {
        var g = SplitMix64(seed: 6)
        for _ in 0..<1000 {
            var small = SmallInstance.random(&g, maxStudents: 8, maxPositions: 5, maxCapacity: 3)
            let allEligible = Bool.random(using: &g)
            small.eligible = small.eligible.map { _ in allEligible }
            var plain = small
            plain.reserved = plain.reserved.map { _ in 0 }
            #expect(solve(try small.instance()).assignment == solve(try plain.instance()).assignment, "\(small)")
        }
    }

    @Test func reservedSeatsGoToEligibleApplicantsFirst() throws {
        // At a full position, reserved seats hold eligible students when any eligible student who
        // applied there was left out — otherwise she would have taken the reserved seat.
        var g = SplitMix64(seed: 7)
        for _ in 0..<1000 {
            let small = SmallInstance.random(&g, maxStudents: 8, maxPositions: 4, maxCapacity: 3)
            let instance = try small.instance()
            let solution = solve(instance)
            let brute = BruteForce(small)
            for p in 0..<small.positionCount where small.reserved[p] > 0 {
                let members = (0..<small.studentCount).filter { solution.assignment[$0] == Int32(p) }
                let eligibleIn = members.filter { small.eligible[$0] }.count
                let wantedIt = (0..<small.studentCount).filter { s in
                    small.eligible[s] && brute.priority(s, p) != nil && brute.rank(s, p) < brute.rank(s, Int(solution.assignment[s]))
                }
                if !wantedIt.isEmpty { #expect(eligibleIn >= small.reserved[p], "position \(p) in \(small)") }
            }
        }
    }

    @Test func explanationsAreConsistent() throws {
        var g = SplitMix64(seed: 8)
        for _ in 0..<1000 {
            let small = SmallInstance.random(&g, maxStudents: 8, maxPositions: 5, maxCapacity: 3)
            let instance = try small.instance()
            let solution = solve(instance)
            let explainer = solution.explainer()
            let brute = BruteForce(small)
            for s in 0..<small.studentCount {
                let list = explainer.explain(student: s)
                let got = Int(solution.assignment[s])
                #expect(list.count == (got < 0 ? small.preferences[s].count : brute.rank(s, got)))
                for e in list {
                    #expect(small.preferences[s][e.choice] == e.position)
                    switch e.reason {
                    case .infeasible: #expect(small.infeasible.contains { $0.student == s && $0.position == e.position })
                    case .notRanked: #expect(small.ranking[e.position] != nil && brute.priority(s, e.position) == nil)
                    case .noCapacity: #expect(small.capacity[e.position] == 0)
                    case let .outranked(own, cutoff):
                        let (tier, rank) = brute.priority(s, e.position)!
                        #expect(own == Priority(tier: tier, lottery: rank + 1))
                        let allSeatsReserved = small.reserved[e.position] == small.capacity[e.position]
                        #expect(cutoff != nil || (!small.eligible[s] && allSeatsReserved), "no seat was open to her: \(small)")
                        if let cutoff { #expect(cutoff < own) }
                    }
                }
            }
        }
    }
}
