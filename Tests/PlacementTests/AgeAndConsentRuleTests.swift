import Testing
@testable import Placement

@Suite struct AgeAndConsentRuleTests {
    typealias T = TestData

    @Test func baselineIsEligible() {
        #expect(T.codes(T.student(), T.slot()).isEmpty)
        #expect(T.failures(T.student(), T.slot()).isEmpty)
    }

    @Test(arguments: [("2012-06-02", true), ("2012-06-03", false), ("2012-06-01", true)])
    func minimumAgeOnTheStartDate(born: String, eligible: Bool) {
        // The slot starts 2026-06-02: a birthday on the start date counts.
        let s = T.student { $0.birthDate = T.day(born) }
        #expect(T.codes(s, T.slot()).contains(.underMinimumAge) == !eligible)
    }

    @Test func leapDayBirthTurnsFourteenOnMarchFirst() {
        // Born 2012-02-29; 2026 is a common year: 14 on March 1 (policy default), February 28 if chosen.
        let s = T.student { $0.birthDate = T.day("2012-02-29") }
        let onFeb28 = T.slot { $0.startDate = T.day("2026-02-28"); $0.endDate = T.day("2026-02-28"); $0.schedule = T.schedule("Sat 09:00-12:00") }
        #expect(T.codes(s, onFeb28).contains(.underMinimumAge))
        var feb28 = EligibilityPolicy()
        feb28.leapDayBirthday = .february28
        #expect(!T.codes(s, onFeb28, policy: feb28).contains(.underMinimumAge))
        let onMar1 = T.slot { $0.startDate = T.day("2026-03-01"); $0.endDate = T.day("2026-03-01"); $0.schedule = T.schedule("Sun 09:00-12:00") }
        #expect(!T.codes(s, onMar1).contains(.underMinimumAge))
    }

    @Test func slotMinimumAgeAndJobShadow() {
        let seventeen = T.student()
        #expect(T.codes(seventeen, T.slot { $0.minimumAge = 18 }) == [.underMinimumAge])
        // Job shadow: no minimum age, but consent still required (and no work permit).
        let twelve = T.student { $0.birthDate = T.day("2014-01-01"); $0.grade = 7; $0.workPermit = false }
        let shadow = T.slot { $0.kind = .jobShadow; $0.startDate = T.day("2026-06-10"); $0.endDate = T.day("2026-06-10") }
        #expect(T.codes(twelve, shadow).isEmpty)
        #expect(T.codes(T.student { $0.birthDate = T.day("2014-01-01"); $0.guardianConsentOn = nil }, shadow) == [.missingGuardianConsent])
        #expect(T.codes(twelve, T.slot()).contains(.underMinimumAge))
    }

    @Test(arguments: [("2008-06-02", true), ("2008-06-03", false)])
    func guardianConsentUnder18(born: String, eligible: Bool) {
        let s = T.student { $0.birthDate = T.day(born); $0.guardianConsentOn = nil }
        #expect(T.codes(s, T.slot()) == (eligible ? [] : [.missingGuardianConsent]))
    }

    @Test func workPermitUnder16ButNotForJobShadows() {
        let fifteen = T.student { $0.birthDate = T.day("2011-01-01"); $0.workPermit = false }
        #expect(T.codes(fifteen, T.slot()) == [.missingWorkPermit])
        #expect(T.codes(fifteen, T.slot { $0.kind = .jobShadow }).isEmpty)
        let sixteenOnStart = T.student { $0.birthDate = T.day("2010-06-02"); $0.workPermit = false }
        #expect(T.codes(sixteenOnStart, T.slot()).isEmpty)
    }

    @Test func restrictedWorkUnder16() {
        for change in [{ (s: inout Slot) in s.manufacturing = true }, { $0.mining = true }, { $0.powerMachinery = true }] {
            let slot = T.slot(change)
            #expect(T.codes(T.student { $0.birthDate = T.day("2010-06-03") }, slot) == [.restrictedWork])
            #expect(T.codes(T.student { $0.birthDate = T.day("2010-06-02") }, slot).isEmpty)
        }
        let f = T.failures(T.student { $0.birthDate = T.day("2010-06-20") }, T.slot { $0.powerMachinery = true })
        #expect(f.first?.sentence(name: "Maria", access: .notEntitled)
                == "Maria turns 16 on June 20, 2026; this slot starts June 2, 2026 and involves power-driven machinery, which is closed to anyone under 16.")
    }

    @Test func agriculturalHazardous() {
        let ag = T.slot { $0.agriculturalHazardous = true; $0.programOfStudy = .agriculture }
        let fifteen = T.student { $0.birthDate = T.day("2011-01-01") }
        #expect(T.codes(fifteen, ag) == [.agriculturalHazardous])
        #expect(T.codes(T.student { $0.birthDate = T.day("2011-01-01"); $0.vocationalAgExemption = true }, ag).isEmpty)
        #expect(T.codes(T.student { $0.birthDate = T.day("2010-06-02") }, ag).isEmpty)
        // 13 with the exemption: too young for any placement and for the exemption.
        let thirteen = T.student { $0.birthDate = T.day("2013-01-01"); $0.vocationalAgExemption = true }
        #expect(T.codes(thirteen, ag) == [.underMinimumAge, .agriculturalHazardous])
    }
}
