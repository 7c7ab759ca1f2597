import Testing
@testable import MatchingEngine

@Suite struct JSONTests {
    func read(_ text: String) throws(InstanceError) -> Instance { try InstanceJSONReader.read(Array(text.utf8), source: "in.json") }

    func problems(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func readsTheIssueExample() throws {
        let instance = try read("""
            {"seed": 7,
             "students": [{"id": "s1", "preferences": ["p2", "p1"], "reserve_eligible": false},
                          {"id": "s2", "preferences": ["p1"]}, {"id": "s3", "preferences": ["p1"], "reserve_eligible": true},
                          {"id": "s4", "preferences": ["p1", "p2"]}],
             "positions": [{"id": "p1", "capacity": 2, "reserved": 0, "ranking": ["s1", ["s2", "s3"], "s4"]},
                           {"id": "p2", "capacity": 1, "ranking": null}],
             "infeasible": [{"student": "s1", "position": "p2", "reasons": ["under_minimum_age"]}]}
            """)
        #expect(instance.seed == 7)
        #expect(instance.studentIDs == ["s1", "s2", "s3", "s4"])
        #expect(instance.positionIDs == ["p1", "p2"])
        #expect(Array(instance.preferences(of: 0)) == [1, 0])
        #expect(instance.reserveEligible == [false, false, true, false])
        #expect(instance.ranking(of: 0)!.map { [$0.student, $0.tier] } == [[0, 1], [1, 2], [2, 2], [3, 3]])
        #expect(instance.ranking(of: 1) == nil)
        #expect(instance.infeasible == [InfeasiblePair(student: 0, position: 1, reasons: ["under_minimum_age"])])
    }

    @Test func sameInstanceAsTheIdInitializer() throws {
        let fromJSON = try read(#"{"students": [{"id": "b\u00e9", "preferences": ["y", "x"]}, {"id": "a", "preferences": ["x"]}], "positions": [{"id": "y", "capacity": 1}, {"id": "x", "capacity": 1, "ranking": [["a", "bé"]]}]}"#)
        let fromIDs = try Instance(
            students: [.init(id: "bé", preferences: ["y", "x"]), .init(id: "a", preferences: ["x"])],
            positions: [.init(id: "y", capacity: 1), .init(id: "x", capacity: 1, ranking: [["a", "bé"]])])
        #expect(fromJSON.studentIDs == fromIDs.studentIDs)
        #expect(fromJSON.preferences == fromIDs.preferences)
        #expect(fromJSON.rankingStudent == fromIDs.rankingStudent)
        #expect(fromJSON.rankingTier == fromIDs.rankingTier)
        #expect(fromJSON.hasRanking == fromIDs.hasRanking)
    }

    @Test func reportsEveryProblemWithItsJSONPath() {
        #expect(problems("""
            {"students": [{"id": "s1", "preferences": ["p1", "p1", "p9"]}, {"id": "s1", "preferences": [3]},
                          {"preferences": []}, {"id": "s4", "preferences": [], "reserve_eligible": "yes", "age": 15}],
             "positions": [{"id": "p1", "capacity": -2, "ranking": ["s1", ["s9", "s1"]]}, {"id": "p2", "capacity": 1, "reserved": 3},
                           {"id": "p3", "capacity": 1.5}, {"id": "p1", "capacity": 1}],
             "infeasible": [{"student": "s7", "position": "p1"}], "extra": 1}
            """) == [
            "students[1].preferences[0]: expected a position id (a string)",
            "students[2]: missing \"id\"",
            "students[3].reserve_eligible: expected true or false",
            "students[3].age: unknown member; expected id, preferences or reserve_eligible",
            "positions[2].capacity: expected an integer, got 1.5",
            "extra: unknown member; expected seed, students, positions or infeasible",
            "students[1].id: duplicate student id \"s1\" (first at students[0])",
            "positions[3].id: duplicate position id \"p1\" (first at positions[0])",
            "students[0].preferences[1]: lists position \"p1\" twice (first at preferences[0]); keep one",
            "students[0].preferences[2]: unknown position \"p9\"",
            "positions[0].capacity: must be 0 or more, got -2",
            "positions[0].ranking[1][0]: unknown student \"s9\"",
            "positions[0].ranking[1][1]: ranks student \"s1\" twice (first at ranking[0]); keep one",
            "positions[1].reserved: must be between 0 and the capacity 1, got 3",
            "infeasible[0].student: unknown student \"s7\"",
        ])
    }

    @Test func malformedJSONNamesLineAndColumn() {
        #expect(problems("{\"students\": [\n  {\"id\": \"a\",, }]}") == ["in.json:2:14: expected a member name in double quotes"])
        #expect(problems("[1, 2]") == ["in.json:1:1: the instance must be a JSON object"])
        #expect(problems("{\"students\": [], \"positions\": []} x") == ["in.json:1:35: unexpected 'x' after the end of the document"])
        #expect(problems("{\"students\": [\"a") == ["in.json:1:15: unterminated string"])
        #expect(problems("{}") == ["students: missing; give an array of students", "positions: missing; give an array of positions"])
        #expect(problems(#"{"seed": -1, "students": [], "positions": []}"#) == ["seed: expected an integer from 0 to 18446744073709551615"])
        #expect(problems(#"{"students": [{"id": "a", "preferences": [], "id": "b"}], "positions": [], "positions": []}"#)
                == ["students[0].id: duplicate member; give it once", "positions: duplicate member; give it once"])
        #expect(problems("{\"students\": [], \"positions\": [], \"x\": " + String(repeating: "[", count: 600)).first?.hasSuffix("values nested more than 512 deep") == true)
    }

    @Test func writesTheDocumentedFormat() throws {
        let instance = try read("""
            {"seed": 3, "students": [{"id": "b", "preferences": ["p", "q"]}, {"id": "a", "preferences": ["p"]},
                                     {"id": "c\\"", "preferences": ["q"]}],
             "positions": [{"id": "p", "capacity": 1, "ranking": ["a", "b"]}, {"id": "q", "capacity": 1, "ranking": ["b"]}]}
            """)
        let solution = solve(instance)
        let text = String(decoding: SolutionJSONWriter.write(solution, verification: solution.verify(), solveSeconds: 0.25, explain: true), as: UTF8.self)
        let la = solution.lottery.number(of: 0), lb = solution.lottery.number(of: 1)
        #expect(text == """
            {"assignments": [
              {"student": "a", "position": "p"},
              {"student": "b", "position": "q"}
            ],
            "unmatched": [
              "c\\""
            ],
            "cutoffs": {
              "p": {"tier": 1, "lottery": \(la), "student": "a"},
              "q": {"tier": 1, "lottery": \(lb), "student": "b"}
            },
            "verified": true,
            "stats": {"students": 3, "positions": 2, "proposals": 3, "solve_seconds": 0.250000},
            "explanations": {
              "b": [
                {"position": "p", "reason": "outranked", "tier": 2, "lottery": \(lb), "cutoff": {"tier": 1, "lottery": \(la)}}
              ],
              "c\\"": [
                {"position": "q", "reason": "not_ranked"}
              ]
            }}

            """)
    }
}
