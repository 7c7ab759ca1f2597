import Placement
import Reports
import Testing
@testable import MatchRuns

@Suite struct RunComputationTests {
    @Test func sameInputsAndSeedGiveTheSameRows() throws {
        let a = try RunComputation.compute(World.inputs(), seed: 42)
        let b = try RunComputation.compute(World.inputs(), seed: 42)
        #expect(a.assignments == b.assignments)
        #expect(a.explanations == b.explanations)
        #expect(a.verified)
        #expect(a.assignments.count == 5)
    }

    @Test func everyoneGetsAnAssignmentRowAndCapacitiesHold() throws {
        for seed in UInt64(0)..<30 {
            let run = try RunComputation.compute(World.inputs(), seed: seed)
            #expect(run.verified, "seed \(seed): \(run.violations)")
            var filled: [Int64: Int] = [:]
            for a in run.assignments { if let slot = a.slotID { filled[slot, default: 0] += 1 } }
            #expect((filled[100] ?? 0) <= 1 && (filled[101] ?? 0) <= 2 && (filled[102] ?? 0) <= 1)
            #expect(Set(run.assignments.map(\.studentID)) == [1, 2, 3, 4, 5])
            // Every assignment is to a slot the student listed, at the rank she gave it.
            let choices = World.inputs().choices
            for a in run.assignments where a.slotID != nil {
                #expect(choices[a.studentID]?[a.choiceRank! - 1] == a.slotID)
            }
        }
    }

    @Test func theReferredStudentTakesTheReservedSeatAndAwaitsApproval() throws {
        for seed in UInt64(0)..<20 {
            let run = try RunComputation.compute(World.inputs(), seed: seed)
            let cruz = try #require(run.assignments.first { $0.studentID == 3 })
            // 101 is closed to her by the court order; 100's one seat is reserved, so it is hers.
            #expect(cruz.slotID == 100)
            #expect(cruz.reservedSeat)
            #expect(cruz.status == "pending_approval")
            #expect(run.assignments.filter { $0.reservedSeat }.map(\.studentID) == [3])
        }
    }

    @Test func courtRestrictionsAreExplainedInFullOnlyToEntitledReaders() throws {
        let run = try RunComputation.compute(World.inputs(), seed: 7)
        let line = try #require(run.explanations.first { $0.studentID == 3 && $0.slotID == 101 })
        #expect(line.outcome == "ineligible")
        #expect(line.reasonCodes == ["court_restriction"])
        #expect(line.confidential)
        #expect(line.publicMessage == EligibilityFailure.notAvailableSentence)
        #expect(line.message != line.publicMessage)
        let outcome = try #require(run.studentOutcomes.first { $0.id == 3 })
        #expect(outcome.referral?.caseWorkerName == "Dana Ruiz")
        #expect(outcome.explanation.first?.reason.wording(juvenileEntitled: false).code == "not_available")
        #expect(outcome.explanation.first?.reason.wording(juvenileEntitled: true).code == "court_restriction")
        // Nothing confidential in the rows of students who were not referred.
        #expect(run.explanations.filter { $0.studentID != 3 }.allSatisfy { !$0.confidential })
    }

    @Test func missingConsentIsAnActionForTheCounselor() throws {
        let run = try RunComputation.compute(World.inputs(), seed: 3)
        let eli = try #require(run.studentOutcomes.first { $0.id == 5 })
        #expect(eli.assignment == nil)
        #expect(eli.actionsNeeded.contains(.guardianConsent))
        #expect(eli.mainReason?.code == "missing_guardian_consent")
        let row = try #require(run.explanations.first { $0.studentID == 5 })
        #expect(row.reasonCodes.contains("missing_guardian_consent"))
    }

    @Test func outrankedStudentsSeeTheCutoff() throws {
        // Slot 101 (one seat) ranks Ben in tier 1 and Ana in tier 2: Ana is outranked.
        let rankings: [Int64: [RunInputs.RankingEntry]] = [101: [.init(studentID: 2, tier: 1), .init(studentID: 1, tier: 2)]]
        var inputs = World.inputs(rankings: rankings)
        inputs.slots[1].capacity = 1
        let run = try RunComputation.compute(inputs, seed: 11)
        #expect(run.verified)
        #expect(run.assignments.first { $0.studentID == 2 }?.slotID == 101)
        let ana = try #require(run.explanations.first { $0.studentID == 1 && $0.slotID == 101 })
        #expect(ana.outcome == "outranked")
        #expect(ana.detail.contains("\"cutoff_tier\":1"))
        #expect(ana.message.contains("tier 2"))
    }

    @Test func secondRoundKeepsPlacementsAndTheirSeats() throws {
        let kept: [Int64: RunInputs.KeptPlacement] = [4: .init(slotID: 102, choiceRank: 1)]
        let run = try RunComputation.compute(World.inputs(kept: kept, previousRound: 9), seed: 5)
        #expect(run.verified)
        let dee = try #require(run.assignments.first { $0.studentID == 4 })
        #expect(dee.slotID == 102 && dee.kept)
        // 102 had one seat, kept by Dee: nobody else gets it.
        #expect(run.assignments.filter { $0.slotID == 102 }.count == 1)
        #expect(run.explanations.filter { $0.studentID == 4 }.isEmpty)
    }

    @Test func violationsNameStudentsAndSlotsByID() {
        let students = World.inputs().students
        let slots = World.inputs().slots
        #expect(RunComputation.describe(.overCapacity(position: 1, assigned: 3, capacity: 2), participants: students, slots: slots)
                == "slot #101 holds 3 students, capacity 2")
        #expect(RunComputation.describe(.blockingPair(student: 0, position: 2), participants: students, slots: slots)
                .hasPrefix("student #1 and slot #102 block"))
    }
}
