import Testing
@testable import MatchingEngine

@Suite struct EdgeCaseTests {
    @Test func capacityZeroEmptyListsAndPositionsNobodyLists() throws {
        let instance = try Instance(
            students: [.init(id: "a", preferences: ["zero", "open"]), .init(id: "b", preferences: [])],
            positions: [.init(id: "zero", capacity: 0), .init(id: "open", capacity: 1), .init(id: "lonely", capacity: 3)])
        let solution = solve(instance)
        #expect(solution.assignment == [1, -1])  // positions in id order: lonely, open, zero
        #expect(solution.verify().isStable)
        #expect(solution.explainer().explain(student: 0).map(\.reason) == [.noCapacity])
        #expect(solution.cutoffs() == [nil, Cutoff(lowest: Priority(tier: 1, lottery: solution.lottery.number(of: 0)), lowestStudent: 0), nil])
    }

    @Test func oneSidedListingsNeverMatch() throws {
        // a lists p, which ranks only b; b is ranked by p but does not list it; q ranks [] (accepts no one).
        let instance = try Instance(
            students: [.init(id: "a", preferences: ["p", "q"]), .init(id: "b", preferences: [])],
            positions: [.init(id: "p", capacity: 5, ranking: [["b"]]), .init(id: "q", capacity: 5, ranking: [])])
        let solution = solve(instance)
        #expect(solution.assignment == [-1, -1])
        #expect(solution.proposals == 0)
        #expect(solution.explainer().explain(student: 0).map(\.reason) == [.notRanked, .notRanked])
        #expect(solve(instance, proposing: .positions).assignment == [-1, -1])
    }

    @Test func everyoneUnmatchedWhenEveryPairIsInfeasible() throws {
        let instance = try Instance(
            students: (0..<20).map { .init(id: "s\($0)", preferences: ["p"]) },
            positions: [.init(id: "p", capacity: 20)],
            infeasible: (0..<20).map { .init(student: "s\($0)", position: "p", reasons: ["under_minimum_age", "no_consent"]) })
        let solution = solve(instance)
        #expect(solution.matchedCount == 0)
        #expect(solution.verify().isStable)
        let why = solution.explainer().explain(student: 3)
        #expect(why == [ChoiceExplanation(position: 0, choice: 0, reason: .infeasible(reasons: ["under_minimum_age", "no_consent"]))])
    }

    @Test func emptyInstance() throws {
        let instance = try Instance(students: [], positions: [])
        let solution = solve(instance)
        #expect(solution.assignment.isEmpty)
        #expect(solution.verify().isStable)
    }

    @Test func verifierCatchesBrokenAssignments() throws {
        let instance = try Instance(
            students: [.init(id: "a", preferences: ["p", "q"]), .init(id: "b", preferences: ["p"])],
            positions: [.init(id: "p", capacity: 1, ranking: [["a"], ["b"]]), .init(id: "q", capacity: 1)],
            infeasible: [.init(student: "b", position: "q", reasons: ["x"])])
        let v = Verifier(instance)
        #expect(v.verify([0, -1]).isStable)
        #expect(v.verify([1, 0]).violations == [.blockingPair(student: 0, position: 0)])
        #expect(v.verify([0, 0]).violations.contains(.overCapacity(position: 0, assigned: 2, capacity: 1)))
        #expect(v.verify([-1, 1]).violations.contains(.notListed(student: 1, position: 1)))
        #expect(v.verify([-1, 1]).violations.contains(.infeasible(student: 1, position: 1)))
        #expect(v.verify([0]).violations == [.wrongLength(expected: 2, got: 1)])
    }

    @Test func builderReportsEveryProblemWithItsPath() {
        var b = Instance.Builder()
        b.addStudent(preferences: [0, 0, 5])
        b.addPosition(capacity: -1)
        b.addPosition(capacity: 1, reserved: 2, ranking: [[0], [0, 7]])
        b.addInfeasible(student: 9, position: 0)
        #expect(throws: InstanceError.self) { try b.build() }
        do {
            _ = try b.build()
        } catch {
            #expect(error.problems.map(\.description) == [
                "students[0].preferences[1]: lists position 0 twice (first at preferences[0]); keep one",
                "students[0].preferences[2]: position index 5 is out of range 0..<2",
                "positions[0].capacity: must be 0 or more, got -1",
                "positions[1].reserved: must be between 0 and the capacity 1, got 2",
                "positions[1].ranking[1][0]: ranks student 0 twice (first at ranking[0][0]); keep one",
                "positions[1].ranking[1][1]: student index 7 is out of range 0..<1",
                "infeasible[0].student: student index 9 is out of range 0..<1",
            ])
        }
    }

    /// A million students (one choice each, two for every fourth, so the debug build stays quick) over 50,000 positions.
    @Test func aMillionStudents() throws {
        var b = Instance.Builder(seed: 99)
        let m = 50_000
        var g = SplitMix64(seed: 11)
        for p in 0..<m {
            let c = Int(g.next() % 30)
            b.addPosition(capacity: c, reserved: p % 10 == 0 ? min(c, 1) : 0)
        }
        for s in 0..<1_000_000 {
            let first = Int(g.next() % UInt64(m))
            let list = s % 4 != 0 ? [first] : [first, (first + 1 + Int(g.next() % 100)) % m]
            b.addStudent(preferences: list, reserveEligible: s % 17 == 0)
        }
        let instance = try b.build()
        let solution = solve(instance)
        #expect(solution.matchedCount > 500_000)
        #expect(solution.matchedCount < 1_000_000)
        let check = solution.verify()
        #expect(check.isStable, "\(check.violations.prefix(5))")
    }
}
