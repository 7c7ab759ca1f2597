import Testing
@testable import Placement

@Suite struct MessageTests {
    typealias T = TestData

    @Test func everyCodeHasAStableCodeAndASummary() {
        #expect(Set(FailureCode.allCases.map(\.rawValue)).count == FailureCode.allCases.count)
        for code in FailureCode.allCases {
            #expect(code.rawValue.allSatisfy { $0.isLowercase || $0 == "_" })
            for access in [JuvenileDataAccess.entitled, .notEntitled] {
                let s = code.summary(access: access)
                #expect(s.count > 15 && s.hasSuffix("."), "\(code)")
            }
            #expect(FailureSet(code).codes == [code])
        }
        #expect(FailureCode.allCases.count <= 32)
    }

    /// One failure of every case, built from facts: each must have a code and a sentence.
    static let samples: [EligibilityFailure] = {
        let a = AgeFact(requiredAge: 16, reachesOn: T.day("2026-07-01"), slotStart: T.day("2026-06-02"))
        return [
            .underMinimumAge(a),
            .hoursLimit(HoursViolation(kind: .tooLate, date: T.day("2026-06-05"), actual: 1500, limit: 1260), a),
            .restrictedWork([.manufacturing, .mining], a),
            .hazardousOrder(HazardousOrderSet([.hoisting]), a, exemptionGaps: [.ordersNotExempt(HazardousOrderSet([.hoisting])), .noAgreement, .tooYoung(a),
                                                             .programMismatch(slot: .manufacturing, student: nil)]),
            .agriculturalHazardous(a, vocationalAgExemption: false),
            .missingGuardianConsent(a),
            .missingWorkPermit(a),
            .noTransport(transport: .none, distanceKm: 2.35, walkingDistanceKm: 1.6),
            .commuteTooFar(distanceKm: 300.04, maximumKm: 40, from: .school),
            .locationUnknown(.site),
            .scheduleConflict(season: .schoolYear, schedule: T.schedule("Mon 08:00-09:00"), availability: .empty),
            .missingCertifications(CertificationSet([.servsafe])),
            .backgroundCheckRequired, .drugScreenRequired, .driversLicenseRequired, .usCitizenshipRequired,
            .belowMinimumGrade(required: 11, grade: 9),
            .programOfStudyRequired(required: .alliedHealth, student: .education),
            .courtRestriction(.curfew(curfew: TimeOfDay(parsing: "21:00")!, slotEnds: 1500)),
            .slotInactive, .slotInvalid,
        ]
    }()

    @Test func everyFailureCaseHasASentence() {
        #expect(Set(Self.samples.map(\.code)) == Set(FailureCode.allCases))
        for f in Self.samples {
            for access in [JuvenileDataAccess.entitled, .notEntitled] {
                let s = f.sentence(name: "Maria", access: access)
                #expect(s.hasSuffix(".") && s.count > 20, "\(f.code): \(s)")
                #expect(!s.contains("Optional("), "\(s)")
            }
        }
    }

    @Test func sampleSentencesReadWell() {
        let s = Self.samples.map { $0.sentence(name: "Maria", access: .entitled) }
        #expect(s[1] == "Maria is under 16 until July 1, 2026, and on June 5, 2026 work ends at 1:00 a.m. the next day, after 9:00 p.m. (limits for 14- and 15-year-olds).")
        #expect(s[7] == "Maria has no transport; the site is 2.4 km away, beyond walking distance (1.6 km), and not on a school bus route.")
        #expect(s[8] == "The site is 300 km from Maria's school; the maximum commute is 40 km.")
        #expect(s[18] == "Maria's court-ordered curfew is 9:00 p.m.; this slot ends as late as 1:00 a.m. the next day.")
    }

    @Test func warnings() {
        let checker = try! EligibilityChecker(policy: .default,
                                              slots: [T.slot(), T.slot { $0.id = 501; $0.programOfStudy = .education },
                                                      T.slot { $0.id = 502; $0.minimumAge = 18 }],
                                              sites: T.sites)
        let student = T.student()
        let verdicts = checker.check(student, context: T.context, choices: [0, 1, 2])
        let w = checker.warnings(for: student, choices: [0, 1, 2], verdicts: verdicts)
        #expect(w.map(\.code) == ["few_eligible_choices", "choice_outside_program"])
        #expect(w[0].sentence(name: "Maria") == "Maria has 2 eligible choices; at least 3 give a better chance of a placement.")
        let empty = checker.slotsWithoutEligibleApplicant(zip([0, 1, 2], verdicts).map { (slot: $0, verdict: $1) })
        #expect(empty == [.slotWithoutEligibleApplicant(slotID: 502, applicants: 1)])
        #expect(Set(EligibilityWarning.codes) == Set(([w[0], w[1]] + empty).map(\.code)))
    }
}

@Test func slotFactsAreHalfACacheLine() {
    #expect(MemoryLayout<SlotFacts>.stride == 32)
}
