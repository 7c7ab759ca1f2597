import Testing
@testable import Placement

/// Properties over random students, slots and contexts.
@Suite struct PropertyTests {
    static func world(seed: UInt64, slots n: Int = 60) -> (RandomData, EligibilityChecker) {
        var r = RandomData(seed: seed)
        let slots = (0..<n).map { r.slot(id: Int64($0)) }
        return (r, try! EligibilityChecker(policy: .default, slots: slots, sites: RandomData.sites))
    }

    @Test func explanationsAgreeWithTheFastCheck() {
        var (r, checker) = Self.world(seed: 1)
        var failing = 0
        for i in 0..<400 {
            let s = r.student(id: Int64(i))
            let ctx = StudentContext(schoolLocation: r.bool(0.9) ? TestData.school : nil,
                                     busRouteSiteIDs: r.bool() ? SiteIDSet([100]) : SiteIDSet([]), restrictions: r.restrictions())
            for slot in 0..<checker.slots.count {
                let v = checker.check(checker.prepare(s, context: ctx), slot: slot)
                let f = checker.failures(of: s, context: ctx, slot: slot)
                #expect(Set(f.map(\.code)) == Set(v.failures.codes))
                #expect(!v.pendingApproval || v.isEligible)
                if !v.isEligible { failing += 1 }
                for failure in f { _ = failure.sentence(name: s.firstName, access: .notEntitled) }
            }
        }
        #expect(failing > 1000)   // the generator reaches failures
    }

    @Test func addingARestrictionNeverMakesAPairEligible() {
        var (r, checker) = Self.world(seed: 2)
        for i in 0..<300 {
            let s = r.student(id: Int64(i))
            let base = r.restrictions() ?? CourtRestrictions()
            var more = base
            more.excludedEmployerIDs.append(Int64(r.int(10...12)))
            if r.bool() { more.excludedCounties.append("Curry") }
            if r.bool() {
                // A tighter curfew: earlier in the evening (before noon reads as after midnight).
                func effective(_ t: TimeOfDay?) -> Int { t.map { $0.minutes < 720 ? $0.minutes + 1440 : $0.minutes } ?? Int.max }
                let candidate = TimeOfDay(minutes: r.int(0...95) * 15)
                more.curfew = effective(candidate) < effective(base.curfew) ? candidate : base.curfew
            }
            if r.bool() { more.caseworkerApprovalRequired = true }
            let before = checker.check(s, context: StudentContext(schoolLocation: TestData.school, restrictions: base),
                                       choices: Array(0..<checker.slots.count))
            let after = checker.check(s, context: StudentContext(schoolLocation: TestData.school, restrictions: more),
                                      choices: Array(0..<checker.slots.count))
            for (b, a) in zip(before, after) {
                #expect(a.failures.isSuperset(of: b.failures))
                #expect(!(a.isEligible && !b.isEligible))
            }
        }
    }

    @Test func losingAQualificationNeverMakesAPairEligible() {
        var (r, checker) = Self.world(seed: 3)
        let removals: [(inout Student) -> Void] = [
            { $0.guardianConsentOn = nil }, { $0.workPermit = false }, { $0.studentLearnerAgreement = false },
            { $0.vocationalAgExemption = false }, { $0.backgroundCheckCleared = false }, { $0.drugScreenPassed = false },
            { $0.driversLicense = false }, { $0.usCitizen = false }, { $0.certifications = [] }, { $0.grade -= 1 },
            { $0.availability = .empty }, { $0.summerAvailability = .empty },
        ]
        let ctx = StudentContext(schoolLocation: TestData.school)
        for i in 0..<300 {
            let s = r.student(id: Int64(i))
            var weaker = s
            removals[r.int(0...removals.count - 1)](&weaker)
            let all = Array(0..<checker.slots.count)
            for (strong, weak) in zip(checker.check(s, context: ctx, choices: all), checker.check(weaker, context: ctx, choices: all)) {
                #expect(!(weak.isEligible && !strong.isEligible))
            }
        }
    }

    @Test func beingOlderNeverAddsAFailure() {
        var (r, checker) = Self.world(seed: 4)
        let ctx = StudentContext(schoolLocation: TestData.school)
        for i in 0..<300 {
            let s = r.student(id: Int64(i))
            var older = s
            older.birthDate = s.birthDate.adding(days: -r.int(1...800))
            let all = Array(0..<checker.slots.count)
            for (young, old) in zip(checker.check(s, context: ctx, choices: all), checker.check(older, context: ctx, choices: all)) {
                #expect(young.failures.isSuperset(of: old.failures))
            }
        }
    }

    @Test func policyJSONRoundTripsForRandomPolicies() throws {
        var r = RandomData(seed: 5)
        for _ in 0..<50 {
            var p = EligibilityPolicy()
            p.minimumAge = r.int(14...16)
            p.youngWorkers.schoolDayMaxHours = Double(r.int(1...12)) / 2
            p.transport.maxCommuteKm = Double(r.int(10...900)) / 10
            p.transport.walkingDistanceKm = min(p.transport.maxCommuteKm, Double(r.int(0...30)) / 10)
            p.leapDayBirthday = r.bool() ? .march1 : .february28
            p.schoolCalendar.schoolHours = r.schedule()
            #expect(try EligibilityPolicy.load(json: p.jsonData(), source: "random") == p)
        }
    }
}

@Suite struct DistanceTests {
    @Test func chordComparisonAgreesWithHaversine() {
        var r = RandomData(seed: 9)
        for k in 0..<3000 {
            let home = GeoPoint(latitude: 33 + Double(r.int(0...300_000)) / 100_000, longitude: -104.5 + Double(r.int(0...300_000)) / 100_000)!
            let site = Site(id: 1, employerID: 1, name: "", county: "Curry",
                            location: GeoPoint(latitude: 33 + Double(r.int(0...300_000)) / 100_000, longitude: -104.5 + Double(r.int(0...300_000)) / 100_000)!)
            var policy = EligibilityPolicy()
            // A third of the limits sit within a few metres of the actual distance.
            let exact = home.distanceKm(to: site.location!)
            policy.transport.maxCommuteKm = k % 3 == 0 ? max(0.01, exact + Double(r.int(-10...10)) / 1000) : Double(r.int(1...4000)) / 10
            policy.transport.walkingDistanceKm = 0
            let slot = Slot(id: 1, employerID: 1, siteID: 1, startDate: CalendarDay(iso: "2026-06-02")!,
                            endDate: CalendarDay(iso: "2026-06-02")!, schedule: .empty)
            let checker = try! EligibilityChecker(policy: policy, slots: [slot], sites: [site])
            let student = TestData.student { $0.home = home }
            let tooFar = checker.check(student, context: StudentContext(), choices: [0])[0].failures.contains(.commuteTooFar)
            let km = home.distanceKm(to: site.location!)
            // Never eligible beyond the limit; eligible whenever 5 m or more inside it.
            if km > policy.transport.maxCommuteKm { #expect(tooFar, "\(km) vs \(policy.transport.maxCommuteKm)") }
            if km < policy.transport.maxCommuteKm - 0.005 { #expect(!tooFar, "\(km) vs \(policy.transport.maxCommuteKm)") }
        }
    }

    @Test func haversineKnownDistance() {
        // Clovis High School to Portales, about 27 km by great circle.
        let clovis = GeoPoint(latitude: 34.4048, longitude: -103.2052)!, portales = GeoPoint(latitude: 34.1862, longitude: -103.3344)!
        #expect(abs(clovis.distanceKm(to: portales) - 27.0) < 0.5)
        #expect(clovis.distanceKm(to: clovis) == 0)
        #expect(GeoPoint(latitude: 91, longitude: 0) == nil)
    }

    @Test func siteIDSetMembership() {
        let s = SiteIDSet([5, 1, 9, 9, 3])
        #expect(s.sorted == [1, 3, 5, 9])
        for id in Int64(0)...10 { #expect(s.contains(id) == [1, 3, 5, 9].contains(id)) }
        #expect(!SiteIDSet([]).contains(0))
    }
}
