import Testing
@testable import Placement

@Suite struct TransportRuleTests {
    typealias T = TestData

    @Test func distancesOfTheFixtures() {
        #expect(abs(T.school.distanceKm(to: T.clovisSite.location!) - 2.35) < 0.05)
        #expect(abs(T.school.distanceKm(to: T.portalesSite.location!) - 26.9) < 0.5)
    }

    @Test func virtualSlotsNeedNoTransport() {
        let none = T.student { $0.transport = .none; $0.home = nil }
        #expect(T.codes(none, T.slot { $0.virtual = true; $0.siteID = nil }, context: StudentContext()).isEmpty)
    }

    @Test(arguments: [Transport.none, .schoolBus])
    func withoutARideOnlyWalkingDistanceOrABusRoute(transport: Transport) {
        let s = T.student { $0.transport = transport }
        #expect(T.codes(s, T.slot()) == [.noTransport])
        let bus = StudentContext(schoolLocation: T.school, busRouteSiteIDs: SiteIDSet([100]))
        #expect(T.codes(s, T.slot(), context: bus).isEmpty)
        var walk3 = EligibilityPolicy()
        walk3.transport.walkingDistanceKm = 3
        #expect(T.codes(s, T.slot(), policy: walk3).isEmpty)
    }

    @Test func ownCarWithoutLicenseIsNoTransport() {
        #expect(T.codes(T.student { $0.transport = .ownCar }, T.slot()) == [.noTransport])
        #expect(T.codes(T.student { $0.transport = .ownCar; $0.driversLicense = true }, T.slot()).isEmpty)
        let f = T.failures(T.student { $0.transport = .ownCar }, T.slot())
        #expect(f[0].sentence(name: "Maria", access: .notEntitled).hasPrefix("Maria has no driver's license"))
    }

    @Test func maximumCommute() {
        let portales = T.slot { $0.siteID = 101; $0.employerID = 11 }
        #expect(T.codes(T.student(), portales).isEmpty)
        #expect(T.codes(T.student(), T.slot { $0.siteID = 102 }) == [.commuteTooFar])
        var short = EligibilityPolicy()
        short.transport.maxCommuteKm = 26
        #expect(T.codes(T.student(), portales, policy: short) == [.commuteTooFar])
        short.transport.maxCommuteKm = 28
        #expect(T.codes(T.student(), portales, policy: short).isEmpty)
        let f = T.failures(T.student(), T.slot { $0.siteID = 102 })
        #expect(f[0].sentence(name: "Maria", access: .notEntitled).contains("from Maria's home; the maximum commute is 40 km"))
    }

    @Test func measuredFromSchoolWhenHomeUnknownAndUnknownWhenNeither() {
        let homeless = T.student { $0.home = nil }
        #expect(T.codes(homeless, T.slot()).isEmpty)
        #expect(T.codes(homeless, T.slot(), context: StudentContext()) == [.locationUnknown])
        #expect(T.codes(T.student(), T.slot { $0.siteID = nil }) == [.locationUnknown])
        #expect(T.codes(T.student(), T.slot { $0.siteID = 999 }) == [.locationUnknown])
        // Home far away, school near: measured from home by default, from school if the policy says so.
        let farHome = T.student { $0.home = T.farSite.location }
        #expect(T.codes(farHome, T.slot()) == [.commuteTooFar])
        var fromSchool = EligibilityPolicy()
        fromSchool.transport.measureFrom = .school
        #expect(T.codes(farHome, T.slot(), policy: fromSchool).isEmpty)
    }
}

@Suite struct ScheduleRuleTests {
    typealias T = TestData

    @Test func scheduleMustFitTheAvailabilityOfItsSeason() {
        let fall = T.slot { $0.startDate = T.day("2026-10-05"); $0.endDate = T.day("2026-10-30"); $0.schedule = T.schedule("Mon-Fri 15:30-18:00") }
        let summer = T.slot()   // June–July, Mon–Fri 09:00–12:00
        let s = T.student {
            $0.availability = T.schedule("Mon-Fri 15:30-19:00")
            $0.summerAvailability = T.schedule("Mon-Fri 08:00-17:00")
        }
        #expect(T.codes(s, fall).isEmpty)
        #expect(T.codes(s, summer).isEmpty)
        let narrow = T.student { $0.availability = T.schedule("Mon-Thu 15:30-19:00"); $0.summerAvailability = T.schedule("Mon-Fri 10:00-17:00") }
        #expect(T.codes(narrow, fall) == [.scheduleConflict])
        #expect(T.codes(narrow, summer) == [.scheduleConflict])
        guard case .scheduleConflict(let season, _, _) = T.failures(narrow, summer)[0] else { Issue.record(); return }
        #expect(season == .summer)
        // Spanning the end of the school year: both availabilities must fit.
        let spanning = T.slot { $0.startDate = T.day("2026-05-11"); $0.endDate = T.day("2026-06-12"); $0.schedule = T.schedule("Mon-Fri 16:00-18:00") }
        #expect(T.codes(T.student { $0.availability = T.schedule("Mon-Fri 16:00-18:00"); $0.summerAvailability = .empty }, spanning) == [.scheduleConflict])
        #expect(T.codes(T.student { $0.availability = T.schedule("Mon-Fri 16:00-18:00"); $0.summerAvailability = T.schedule("Mon-Fri 16:00-18:00") }, spanning).isEmpty)
    }

    @Test func scheduleCrossingMidnightNeedsTheNextMorning() {
        let night = T.slot { $0.schedule = T.schedule("Fri 22:00-02:00"); $0.startDate = T.day("2026-06-05"); $0.endDate = T.day("2026-06-26") }
        let adult = T.student { $0.birthDate = T.day("2007-01-01"); $0.summerAvailability = T.schedule("Fri 18:00-24:00") }
        #expect(T.codes(adult, night) == [.scheduleConflict])
        let late = T.student { $0.birthDate = T.day("2007-01-01"); $0.summerAvailability = T.schedule("Fri 18:00-24:00; Sat 00:00-03:00") }
        #expect(T.codes(late, night).isEmpty)
    }
}

@Suite struct RequirementRuleTests {
    typealias T = TestData

    @Test func eachRequirement() {
        let cases: [((inout SlotRequirements) -> Void, (inout Student) -> Void, FailureCode)] = [
            ({ $0.certifications = [CertificationSet([.osha10, .servsafe])] }, { $0.certifications = CertificationSet([.osha10, .servsafe, .cprFirstAid]) }, .missingCertification),
            ({ $0.backgroundCheck = true }, { $0.backgroundCheckCleared = true }, .backgroundCheckRequired),
            ({ $0.drugScreen = true }, { $0.drugScreenPassed = true }, .drugScreenRequired),
            ({ $0.driversLicense = true }, { $0.driversLicense = true }, .driversLicenseRequired),
            ({ $0.usCitizenship = true }, { $0.usCitizen = true }, .usCitizenshipRequired),
            ({ $0.minimumGrade = 11 }, { $0.grade = 11 }, .belowMinimumGrade),
            ({ $0.programRequired = true }, { $0.programOfStudy = .manufacturing }, .programOfStudyRequired),
        ]
        for (requirement, meets, code) in cases {
            let slot = T.slot { requirement(&$0.requirements) }
            #expect(T.codes(T.student(meets), slot).isEmpty, "\(code)")
            let lacking = T.student { $0.certifications = [CertificationSet([.osha10])]; $0.grade = 10; $0.programOfStudy = .education }
            #expect(T.codes(lacking, slot) == [code], "\(code)")
        }
        let f = T.failures(T.student(), T.slot { $0.requirements.certifications = CertificationSet([.osha10, .forklift]) })
        #expect(f == [.missingCertifications(CertificationSet([.osha10, .forklift]))])
        #expect(f[0].sentence(name: "Maria", access: .notEntitled) == "The slot requires OSHA-10 and forklift certification, which Maria does not hold.")
    }

    @Test func inactiveAndInvalidSlots() {
        #expect(T.codes(T.student(), T.slot { $0.active = false }) == [.slotInactive])
        #expect(T.codes(T.student(), T.slot { $0.endDate = T.day("2026-06-01") }) == [.slotInvalid])
    }
}
