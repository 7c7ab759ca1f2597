import Testing
@testable import Placement

/// Young-worker hours (ages 14–15) against the default school calendar: school year 08-13 to 05-22,
/// school hours Mon–Fri 08:00–15:30.
@Suite struct HoursRuleTests {
    typealias T = TestData
    /// Turns 16 on 2027-01-01: 15 through the fall of 2026.
    static let fifteen = T.student { $0.birthDate = T.day("2011-01-01") }

    static func slot(_ from: String, _ to: String, _ schedule: String) -> Slot {
        T.slot { $0.startDate = T.day(from); $0.endDate = T.day(to); $0.schedule = T.schedule(schedule) }
    }

    static func violation(_ slot: Slot, student: Student = fifteen) -> HoursViolation? {
        for f in T.failures(student, slot) { if case .hoursLimit(let v, _) = f { return v } }
        return nil
    }

    @Test(arguments: [
        // School year (October 2026).
        ("2026-10-05", "2026-10-30", "Mon-Fri 16:00-19:00", nil as HoursViolation.Kind?),         // ends at 19:00 exactly
        ("2026-10-05", "2026-10-30", "Mon-Fri 16:01-19:01", .tooLate),
        ("2026-10-05", "2026-10-30", "Mon 15:30-18:31", .schoolDayHours),
        ("2026-10-05", "2026-10-30", "Mon-Fri 15:45-18:45; Sat 09:00-12:00", nil),                 // 18 h in a school week
        ("2026-10-05", "2026-10-30", "Mon-Fri 15:45-18:45; Sat 09:00-13:00", .schoolWeekHours),
        ("2026-10-05", "2026-10-30", "Mon 14:00-16:00", .duringSchoolHours),
        ("2026-10-05", "2026-10-30", "Mon 15:30-17:00", nil),                                      // right after school
        ("2026-10-05", "2026-10-30", "Sat 07:00-15:00", nil),                                      // 8 h on a Saturday
        ("2026-10-05", "2026-10-30", "Sat 06:59-12:00", .tooEarly),
        // Summer (June–July 2026).
        ("2026-06-08", "2026-07-31", "Mon-Fri 08:00-16:00", nil),                                  // 8 h/day, 40 h/week
        ("2026-06-08", "2026-07-31", "Mon 08:00-16:01", .nonSchoolDayHours),
        ("2026-06-08", "2026-07-31", "Mon-Fri 08:00-16:00; Sat 09:00-10:00", .nonSchoolWeekHours),
        ("2026-06-08", "2026-07-31", "Mon-Fri 17:00-21:00", nil),                                  // 21:00 from June 1
        ("2026-06-08", "2026-07-31", "Mon-Fri 17:01-21:01", .tooLate),
        ("2026-05-25", "2026-05-29", "Mon-Fri 17:00-21:00", .tooLate),                             // before June 1: 19:00
        // Labor Day 2026 is Monday September 7: 21:00 allowed through it, 19:00 the day after.
        ("2026-09-07", "2026-09-07", "Mon 18:00-21:00", nil),
        ("2026-09-08", "2026-09-08", "Tue 18:00-21:00", .tooLate),
        // Labor Day 2027 is September 6 (computed per year).
        ("2027-09-06", "2027-09-06", "Mon 18:00-21:00", nil),
        ("2027-09-07", "2027-09-07", "Tue 18:00-21:00", .tooLate),
        // Crossing midnight: ends after 21:00 and starts the next day at 00:00.
        ("2026-06-08", "2026-07-31", "Fri 20:00-01:00", .tooLate),
    ])
    func limitsAtTheirBoundaries(from: String, to: String, schedule: String, expected: HoursViolation.Kind?) {
        let birthday2010 = T.student { $0.birthDate = T.day("2012-01-01") }   // 14 in 2026, 15 in 2027
        let student = from.hasPrefix("2027") ? birthday2010 : HoursRuleTests.fifteen
        let v = HoursRuleTests.violation(HoursRuleTests.slot(from, to, schedule), student: student)
        #expect(v?.kind == expected, "\(schedule) \(from)…\(to): \(String(describing: v))")
    }

    @Test func sixteenYearOldsHaveNoHourLimits() {
        let sixteen = T.student { $0.birthDate = T.day("2010-01-01") }
        #expect(T.codes(sixteen, HoursRuleTests.slot("2026-10-05", "2026-10-30", "Mon 14:00-22:00")).isEmpty)
        #expect(T.codes(sixteen, HoursRuleTests.slot("2026-06-08", "2026-07-31", "Fri 20:00-01:00")).isEmpty)
    }

    @Test func birthdayDuringThePlacementChecksEachDay() {
        // Mondays 18:00–21:00 from Aug 24: fine through Labor Day (Sep 7), too late from Sep 14.
        let slot = HoursRuleTests.slot("2026-08-24", "2026-10-26", "Mon 18:00-21:00")
        #expect(HoursRuleTests.violation(slot)?.date == T.day("2026-09-14"))
        let sixteenOnFirstBadDay = T.student { $0.birthDate = T.day("2010-09-14") }
        let sixteenDayAfter = T.student { $0.birthDate = T.day("2010-09-15") }
        #expect(!T.codes(sixteenOnFirstBadDay, slot).contains(.hoursLimit))
        #expect(T.codes(sixteenDayAfter, slot).contains(.hoursLimit))
    }

    @Test func weeklyLimitCountsOnlyPlacementDaysAndNamesTheWeek() {
        // 8 h a day in summer: a week of five days is 40 h; a slot of four days in that week is 32 h.
        let v = HoursRuleTests.violation(HoursRuleTests.slot("2026-06-10", "2026-07-31", "Mon-Sat 08:00-15:00"))
        #expect(v?.kind == .nonSchoolWeekHours)
        #expect(v?.date == T.day("2026-06-15"))      // Wed–Sat of the first week is 28 h; the next full week is 42 h
        #expect(v?.actual == 42 * 60 && v?.limit == 40 * 60)
    }

    @Test func schoolBreaksMakeNonSchoolDays() {
        // A Monday in a declared break is not a school day: 8 h allowed.
        var policy = EligibilityPolicy()
        policy.schoolCalendar.breaks = [DateRange(start: T.day("2026-11-23"), end: T.day("2026-11-27"))]
        let slot = HoursRuleTests.slot("2026-11-23", "2026-11-23", "Mon 09:00-15:00")
        #expect(!T.codes(HoursRuleTests.fifteen, slot, policy: policy).contains(.hoursLimit))
        #expect(T.codes(HoursRuleTests.fifteen, slot).contains(.hoursLimit))
    }

    @Test func hoursSentenceNamesTheDayAndLimit() {
        let f = T.failures(HoursRuleTests.fifteen, HoursRuleTests.slot("2026-10-05", "2026-10-30", "Mon 15:30-19:00"))
        let text = f.first { $0.code == .hoursLimit }?.sentence(name: "Ana", access: .notEntitled) ?? ""
        #expect(text.contains("Ana is under 16 until January 1, 2027"))
        #expect(text.contains("October 5, 2026"))
        #expect(text.contains("3.5 hours") && text.contains("limit is 3 hours"))
    }
}
