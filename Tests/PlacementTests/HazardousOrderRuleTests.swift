import Testing
@testable import Placement

@Suite struct HazardousOrderRuleTests {
    typealias T = TestData
    /// 17, in Manufacturing, with a signed student-learner agreement.
    static let learner = T.student { $0.studentLearnerAgreement = true }

    static func slot(_ orders: Int...) -> Slot {
        T.slot { $0.hazardousOrders = HazardousOrderSet(orders.map { HazardousOrder(rawValue: $0)! }) }
    }

    @Test(arguments: [5, 8, 10, 12, 14, 16, 17])
    func studentLearnerExemptionLiftsTheseOrders(order: Int) {
        #expect(T.codes(HazardousOrderRuleTests.learner, HazardousOrderRuleTests.slot(order)).isEmpty)
        #expect(T.codes(T.student(), HazardousOrderRuleTests.slot(order)) == [.hazardousOrder])
    }

    @Test(arguments: [1, 2, 3, 4, 6, 7, 9, 11, 13, 15])
    func noExemptionForTheOthers(order: Int) {
        #expect(T.codes(HazardousOrderRuleTests.learner, HazardousOrderRuleTests.slot(order)) == [.hazardousOrder])
    }

    @Test func exemptionNeedsAgeProgramAndAgreement() {
        let slot = HazardousOrderRuleTests.slot(5)
        let fifteen = T.student { $0.birthDate = T.day("2011-01-01"); $0.studentLearnerAgreement = true }
        let otherProgram = T.student { $0.studentLearnerAgreement = true; $0.programOfStudy = .agriculture }
        let noProgram = T.student { $0.studentLearnerAgreement = true; $0.programOfStudy = nil }
        let sixteenOnStart = T.student { $0.birthDate = T.day("2010-06-02"); $0.studentLearnerAgreement = true }
        #expect(T.codes(fifteen, slot) == [.hazardousOrder])
        #expect(T.codes(otherProgram, slot) == [.hazardousOrder])
        #expect(T.codes(noProgram, slot) == [.hazardousOrder])
        #expect(T.codes(sixteenOnStart, slot).isEmpty)
        // The slot without a program of study matches nobody.
        #expect(T.codes(HazardousOrderRuleTests.learner, T.slot { $0.hazardousOrders = HazardousOrderSet([.powerWoodworking]); $0.programOfStudy = nil }) == [.hazardousOrder])
        guard case .hazardousOrder(let orders, _, let gaps) = T.failures(otherProgram, slot)[0] else { Issue.record("no HO failure"); return }
        #expect(orders == HazardousOrderSet([.powerWoodworking]))
        #expect(gaps == [.programMismatch(slot: .manufacturing, student: .agriculture)])
    }

    @Test func mixedOrdersBlockOnTheNonExemptOne() {
        let slot = HazardousOrderRuleTests.slot(5, 7)
        guard case .hazardousOrder(let orders, _, let gaps) = T.failures(HazardousOrderRuleTests.learner, slot)[0] else {
            Issue.record("no HO failure"); return
        }
        #expect(orders == HazardousOrderSet([.hoisting]))
        #expect(gaps == [.ordersNotExempt(HazardousOrderSet([.hoisting]))])
    }

    @Test func eighteenOnTheStartDateIsAnAdult() {
        let slot = HazardousOrderRuleTests.slot(2, 7)
        #expect(T.codes(T.student { $0.birthDate = T.day("2008-06-02") }, slot).isEmpty)
        #expect(T.codes(T.student { $0.birthDate = T.day("2008-06-03") }, slot) == [.hazardousOrder])
    }

    @Test func drivingOnlyWhenThePolicyAllowsItAt17WithALicense() {
        let slot = HazardousOrderRuleTests.slot(2)
        let seventeen = T.student { $0.driversLicense = true }
        #expect(T.codes(seventeen, slot) == [.hazardousOrder])
        var policy = EligibilityPolicy()
        policy.hazardousWork.occasionalDrivingAllowed = true
        #expect(T.codes(seventeen, slot, policy: policy).isEmpty)
        #expect(T.codes(T.student(), slot, policy: policy) == [.hazardousOrder])                           // no license
        #expect(T.codes(T.student { $0.birthDate = T.day("2010-01-01"); $0.driversLicense = true }, slot, policy: policy) == [.hazardousOrder])
    }

    @Test func forkliftSentenceForACounselor() {
        // The issue's example: turns 18 after the start, forklifts (HO7).
        let maria = T.student { $0.birthDate = T.day("2008-06-20") }
        let f = T.failures(maria, HazardousOrderRuleTests.slot(7))
        #expect(f.count == 1)
        #expect(f[0].sentence(name: "Maria", access: .notEntitled) ==
            "Maria turns 18 on June 20, 2026; this slot starts June 2, 2026 and involves forklifts and other power-driven hoists (HO7), which is closed to anyone under 18. The student-learner exemption does not apply: HO7 is never exempt.")
    }

    @Test func policyCannotMakeHO2OrHO7Exempt() {
        var policy = EligibilityPolicy()
        policy.hazardousWork.studentLearnerExemptOrders.insert(HazardousOrderSet([.hoisting]))
        let issues = policy.validationIssues()
        #expect(issues.map(\.path) == ["hazardous_work.student_learner_exempt_orders"])
        #expect(issues.first?.message.contains("HO7") == true)
        #expect(throws: PolicyError.self) { try EligibilityChecker(policy: policy, slots: [], sites: []) }
    }
}
