@testable import Placement

/// Small builders for tests: an eligible-by-default student and slot, so each test changes only
/// the fact it is about.
enum TestData {
    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }
    static func schedule(_ text: String) -> WeeklySchedule { try! WeeklySchedule(parsing: text) }

    /// Clovis High School.
    static let school = GeoPoint(latitude: 34.4048, longitude: -103.2052)!
    /// A site in Clovis, about 2.4 km from the school.
    static let clovisSite = Site(id: 100, employerID: 10, name: "Clovis shop", county: "Curry",
                                 location: GeoPoint(latitude: 34.4259, longitude: -103.2052)!)
    /// A site in Portales, about 30 km away, in Roosevelt County.
    static let portalesSite = Site(id: 101, employerID: 11, name: "Portales plant", county: "Roosevelt",
                                   location: GeoPoint(latitude: 34.1862, longitude: -103.3344)!)
    /// A site in Albuquerque, far away.
    static let farSite = Site(id: 102, employerID: 12, name: "Albuquerque office", county: "Bernalillo",
                              location: GeoPoint(latitude: 35.0844, longitude: -106.6504)!)
    static let sites = [clovisSite, portalesSite, farSite]

    /// A 17-year-old (born 2009-03-10) with consent, a permit, a family ride and wide availability.
    static func student(_ change: (inout Student) -> Void = { _ in }) -> Student {
        var s = Student(id: 1, schoolID: 1, firstName: "Maria", lastName: "Lopez", birthDate: day("2009-03-10"), grade: 11,
                        programOfStudy: .manufacturing, transport: .family, home: school,
                        availability: schedule("Mon-Sun 00:00-24:00"), summerAvailability: schedule("Mon-Sun 00:00-24:00"),
                        guardianConsentOn: day("2026-01-15"), workPermit: true)
        change(&s)
        return s
    }

    /// A summer internship at the Clovis site, weekdays 09:00–12:00, June 2 – July 31 2026.
    static func slot(_ change: (inout Slot) -> Void = { _ in }) -> Slot {
        var s = Slot(id: 500, employerID: 10, siteID: 100, title: "Shop helper", kind: .internship,
                     programOfStudy: .manufacturing, startDate: day("2026-06-02"), endDate: day("2026-07-31"),
                     schedule: schedule("Mon-Fri 09:00-12:00"))
        change(&s)
        return s
    }

    static func checker(_ slot: Slot, policy: EligibilityPolicy = .default) -> EligibilityChecker {
        try! EligibilityChecker(policy: policy, slots: [slot], sites: sites)
    }

    static let context = StudentContext(schoolLocation: school)

    /// The failure codes of one pair.
    static func codes(_ student: Student, _ slot: Slot, policy: EligibilityPolicy = .default,
                      context: StudentContext = context) -> Set<FailureCode> {
        let c = checker(slot, policy: policy)
        let verdict = c.check(student, context: context, choices: [0])[0]
        let failures = c.failures(of: student, context: context, slot: 0)
        precondition(Set(failures.map(\.code)) == Set(verdict.failures.codes), "failures() disagrees with check()")
        return Set(verdict.failures.codes)
    }

    /// The detailed failures of one pair.
    static func failures(_ student: Student, _ slot: Slot, policy: EligibilityPolicy = .default,
                         context: StudentContext = context) -> [EligibilityFailure] {
        checker(slot, policy: policy).failures(of: student, context: context, slot: 0)
    }
}
