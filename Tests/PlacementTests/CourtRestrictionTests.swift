import Testing
@testable import Placement

@Suite struct CourtRestrictionTests {
    typealias T = TestData

    static func context(_ r: CourtRestrictions) -> StudentContext {
        StudentContext(schoolLocation: T.school, restrictions: r)
    }

    @Test func excludedEmployerAndCounty() {
        #expect(T.codes(T.student(), T.slot(), context: Self.context(.init(excludedEmployerIDs: [10]))) == [.courtRestriction])
        #expect(T.codes(T.student(), T.slot(), context: Self.context(.init(excludedEmployerIDs: [11]))).isEmpty)
        #expect(T.codes(T.student(), T.slot(), context: Self.context(.init(excludedCounties: ["curry"]))) == [.courtRestriction])
        #expect(T.codes(T.student(), T.slot(), context: Self.context(.init(excludedCounties: ["Roosevelt"]))).isEmpty)
        // A virtual slot has no county.
        let virtual = T.slot { $0.virtual = true; $0.siteID = nil }
        #expect(T.codes(T.student(), virtual, context: Self.context(.init(excludedCounties: ["Curry"]))).isEmpty)
    }

    @Test(arguments: [("Mon-Fri 18:00-21:00", "21:00", true), ("Mon-Fri 18:00-21:01", "21:00", false),
                      ("Fri 22:00-00:30", "00:30", true), ("Fri 22:00-00:31", "00:30", false),
                      ("Fri 20:00-01:00", "23:00", false), ("Sat 08:00-12:00", "12:00", true)])
    func curfewAgainstTheSlotEnd(schedule: String, curfew: String, eligible: Bool) {
        let adult = T.student { $0.birthDate = T.day("2007-01-01") }
        let slot = T.slot { $0.schedule = T.schedule(schedule) }
        let ctx = Self.context(.init(curfew: TimeOfDay(parsing: curfew)!))
        #expect(T.codes(adult, slot, context: ctx).isEmpty == eligible)
    }

    @Test func caseworkerApprovalMarksEligiblePairsPending() {
        let ctx = Self.context(.init(caseworkerApprovalRequired: true))
        let checker = T.checker(T.slot())
        let v = checker.check(T.student(), context: ctx, choices: [0])[0]
        #expect(v.isEligible && v.pendingApproval)
        let ineligible = checker.check(T.student { $0.guardianConsentOn = nil }, context: ctx, choices: [0])[0]
        #expect(!ineligible.isEligible && !ineligible.pendingApproval)
        #expect(!checker.check(T.student(), context: T.context, choices: [0])[0].pendingApproval)
        #expect(PlacementStatus.pendingApproval.neutralTitle == "matched")
    }

    @Test func wordingIsConfidentialUnlessEntitled() {
        let ctx = Self.context(.init(excludedEmployerIDs: [10], excludedCounties: ["Curry"], curfew: TimeOfDay(parsing: "17:00")!))
        let failures = T.failures(T.student(), T.slot { $0.schedule = T.schedule("Mon-Fri 15:00-18:00") }, context: ctx)
        #expect(failures.count == 3)
        for f in failures {
            #expect(f.code == .courtRestriction)
            #expect(f.sentence(name: "Maria", access: .notEntitled) == "Not available for this student.")
            #expect(f.visibleCode(to: .notEntitled) == "not_available")
            #expect(f.visibleCode(to: .entitled) == "court_restriction")
            let full = f.sentence(name: "Maria", access: .entitled)
            #expect(full.contains("court"))
        }
        #expect(EligibilityFailure.sentences(failures, name: "Maria", access: .notEntitled) == ["Not available for this student."])
        #expect(EligibilityFailure.sentences(failures, name: "Maria", access: .entitled).count == 3)
        #expect(FailureCode.courtRestriction.summary(access: .notEntitled) == "Not available for this student.")
        // Nothing else a non-entitled viewer reads mentions courts, referrals, curfews or juvenile services.
        for code in FailureCode.allCases {
            let text = code.summary(access: .notEntitled).lowercased()
            for word in ["court", "referr", "curfew", "juvenile", "case worker", "probation"] {
                #expect(!text.contains(word), "\(code): \(text)")
            }
        }
    }
}
