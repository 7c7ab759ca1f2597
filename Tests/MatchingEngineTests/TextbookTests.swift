import Testing
@testable import MatchingEngine

/// Instances with published or hand-checked answers.
@Suite struct TextbookTests {
    /// Gale and Shapley (1962), the three-by-three example with three stable matchings:
    /// men α β γ rank A B C cyclically, women rank the men the other way round.
    @Test func galeShapleyCyclicExample() throws {
        let students = [("alpha", ["A", "B", "C"]), ("beta", ["B", "C", "A"]), ("gamma", ["C", "A", "B"])]
        let positions = [("A", ["beta", "gamma", "alpha"]), ("B", ["gamma", "alpha", "beta"]), ("C", ["alpha", "beta", "gamma"])]
        let instance = try Instance(
            students: students.map { .init(id: $0.0, preferences: $0.1) },
            positions: positions.map { .init(id: $0.0, capacity: 1, ranking: $0.1.map { [$0] }) })
        #expect(names(solve(instance, proposing: .students)) == ["alpha": "A", "beta": "B", "gamma": "C"])
        #expect(names(solve(instance, proposing: .positions)) == ["alpha": "C", "beta": "A", "gamma": "B"])
    }

    /// The NRMP's public worked example ("How the Matching Algorithm Works"): eight applicants, four
    /// programs with two positions each. Anderson and Brown go unmatched.
    @Test func nrmpWorkedExample() throws {
        let applicants: [(String, [String])] = [
            ("Anderson", ["City"]),
            ("Brown", ["City", "Mercy"]),
            ("Chen", ["City", "Mercy"]),
            ("Davis", ["Mercy", "City", "General", "State"]),
            ("Eastman", ["City", "Mercy", "State", "General"]),
            ("Ford", ["City", "General", "Mercy", "State"]),
            ("Garcia", ["City", "Mercy", "State", "General"]),
            ("Hassan", ["State", "City", "Mercy", "General"]),
        ]
        let programs: [(String, [String])] = [
            ("Mercy", ["Chen", "Garcia"]),
            ("City", ["Garcia", "Hassan", "Eastman", "Anderson", "Brown", "Chen", "Davis", "Ford"]),
            ("General", ["Brown", "Eastman", "Hassan", "Anderson", "Chen", "Davis", "Garcia"]),
            ("State", ["Brown", "Eastman", "Anderson", "Chen", "Hassan", "Ford", "Davis", "Garcia"]),
        ]
        let instance = try Instance(
            students: applicants.map { .init(id: $0.0, preferences: $0.1) },
            positions: programs.map { .init(id: $0.0, capacity: 2, ranking: $0.1.map { [$0] }) })
        let solution = solve(instance)
        #expect(names(solution) == [
            "Chen": "Mercy", "Eastman": "City", "Garcia": "City", "Davis": "General", "Ford": "State", "Hassan": "State",
        ])
        #expect(solution.verify().isStable)
        // Brown was ranked first by General and State but listed only City and Mercy.
        let why = solution.explainer().explain(student: instance.studentIDs.firstIndex(of: "Brown")!)
        #expect(why.map(\.reason.code) == ["outranked", "not_ranked"])
    }

    @Test func softReserveTakesTheBestEligibleApplicantFirst() throws {
        // Capacity 2 with 1 reserved; a > b > c, only c eligible: the position takes a and c.
        let instance = try Instance(
            students: [.init(id: "a", preferences: ["p"]), .init(id: "b", preferences: ["p"]),
                       .init(id: "c", preferences: ["p"], reserveEligible: true)],
            positions: [.init(id: "p", capacity: 2, reserved: 1, ranking: [["a"], ["b"], ["c"]])])
        let solution = solve(instance)
        #expect(names(solution) == ["a": "p", "c": "p"])
        let cutoff = try #require(solution.cutoffs()[0])
        #expect(cutoff.lowest == Priority(tier: 3, lottery: solution.lottery.number(of: 2)))
        #expect(cutoff.open == Priority(tier: 1, lottery: solution.lottery.number(of: 0)))
        #expect(solution.explainer().explain(student: 1) == [
            ChoiceExplanation(position: 0, choice: 0, reason: .outranked(priority: Priority(tier: 2, lottery: solution.lottery.number(of: 1)), cutoff: cutoff.open)),
        ])
    }

    @Test func unusedReservedSeatsGoToAnyone() throws {
        let instance = try Instance(
            students: [.init(id: "a", preferences: ["p"]), .init(id: "b", preferences: ["p"])],
            positions: [.init(id: "p", capacity: 2, reserved: 2)])
        #expect(names(solve(instance)) == ["a": "p", "b": "p"])
    }

    @Test func tiesAreBrokenByTheLotteryTheSameWayEverywhere() throws {
        // Two students tied at two one-seat positions they both list in the same order: the lottery winner
        // gets the first, the other the second, whichever way the tie is presented.
        let instance = try Instance(
            seed: 42,
            students: [.init(id: "x", preferences: ["p", "q"]), .init(id: "y", preferences: ["p", "q"])],
            positions: [.init(id: "p", capacity: 1, ranking: [["x", "y"]]), .init(id: "q", capacity: 1)])
        let solution = solve(instance)
        let winner = solution.lottery.number(of: 0) == 1 ? "x" : "y"
        let loser = winner == "x" ? "y" : "x"
        #expect(names(solution) == [winner: "p", loser: "q"])
    }

    @Test func lotteryFollowsSplitMix64() {
        // Reference outputs of SplitMix64 seeded with 0 (as in java.util.SplittableRandom and the xoshiro authors' code).
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        // Lottery numbers are places in the ascending order of draws.
        let lottery = Lottery(seed: 0, count: 3)
        var h = SplitMix64(seed: 0)
        let draws = (0..<3).map { _ in h.next() }
        let order = (0..<3).sorted { draws[$0] < draws[$1] }
        #expect(lottery.order.map(Int.init) == order)
        #expect(Set(lottery.rank) == [0, 1, 2])
    }

    func names(_ solution: Solution) -> [String: String] {
        var out: [String: String] = [:]
        for s in 0..<solution.instance.studentCount {
            if let p = solution.position(of: s) { out[solution.instance.studentIDs[s]] = solution.instance.positionIDs[p] }
        }
        return out
    }
}
