import Testing
@testable import Placement

@Suite struct CalendarDayTests {
    @Test func civilConversionRoundTripsAndCountsEveryDay() {
        // Walk day by day from 1900 to 2100 counting by hand; every day number must match.
        var n = CalendarDay(year: 1900, month: 1, day: 1)!.dayNumber
        for y in 1900...2100 {
            for m in 1...12 {
                for d in 1...CalendarDay.daysInMonth(year: y, month: m) {
                    let day = CalendarDay(year: y, month: m, day: d)!
                    #expect(day.dayNumber == n)
                    #expect(day.components == (y, m, d))
                    n += 1
                }
            }
        }
    }

    @Test func epochAndWeekdays() {
        #expect(CalendarDay(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CalendarDay(iso: "1970-01-01")!.weekday == 4)      // Thursday
        #expect(CalendarDay(iso: "2026-06-01")!.weekday == 1)      // Monday
        #expect(CalendarDay(iso: "2026-11-29")!.weekday == 7)      // Sunday
        #expect(CalendarDay(iso: "1969-12-31")!.weekday == 3)      // Wednesday, before the epoch
    }

    @Test(arguments: [(2024, "2024-09-02"), (2025, "2025-09-01"), (2026, "2026-09-07"), (2027, "2027-09-06"),
                      (2029, "2029-09-03"), (2030, "2030-09-02")])
    func laborDayIsFirstMondayOfSeptember(year: Int, expected: String) {
        #expect(CalendarDay.laborDay(year: year).iso == expected)
        #expect(CalendarDay.laborDay(year: year).weekday == 1)
    }

    @Test func invalidDatesAreRejected() {
        #expect(CalendarDay(iso: "2026-02-29") == nil)
        #expect(CalendarDay(iso: "2024-02-29") != nil)
        #expect(CalendarDay(iso: "1900-02-29") == nil)
        #expect(CalendarDay(iso: "2000-02-29") != nil)
        #expect(CalendarDay(iso: "2026-13-01") == nil)
        #expect(CalendarDay(iso: "2026-6-1") == nil)
        #expect(CalendarDay(iso: "June 1") == nil)
        for malformed in ["", "2026-06-011", "2026-06-0", "2026/06/01", "+026-06-01", "2026-06-01 ", "2026--6-01", "２026-06-01"] {
            #expect(CalendarDay(iso: malformed) == nil, "\(malformed)")
        }
        #expect(CalendarDay(iso: "2026-06-01"[...])?.iso == "2026-06-01")
    }

    @Test func everyDayOfFourHundredYearsRoundTripsThroughText() {
        var day = CalendarDay(iso: "1900-01-01")!
        var wrong: [String] = []
        while day.year < 2300 {
            if CalendarDay(iso: day.iso) != day { wrong.append(day.iso) }
            day = day.adding(days: 1)
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(day.iso == "2300-01-01")
    }

    @Test func leapDayBirthdaysInCommonYears() {
        let born = CalendarDay(iso: "2008-02-29")!
        #expect(born.birthday(turning: 16, leapDay: .march1).iso == "2024-02-29")   // 2024 is a leap year
        #expect(born.birthday(turning: 17, leapDay: .march1).iso == "2025-03-01")
        #expect(born.birthday(turning: 17, leapDay: .february28).iso == "2025-02-28")
        #expect(born.age(on: CalendarDay(iso: "2025-02-28")!, leapDay: .march1) == 16)
        #expect(born.age(on: CalendarDay(iso: "2025-03-01")!, leapDay: .march1) == 17)
        #expect(born.age(on: CalendarDay(iso: "2025-02-28")!, leapDay: .february28) == 17)
    }

    @Test func ageChangesExactlyOnTheBirthday() {
        let born = CalendarDay(iso: "2010-06-20")!
        #expect(born.age(on: CalendarDay(iso: "2026-06-19")!, leapDay: .march1) == 15)
        #expect(born.age(on: CalendarDay(iso: "2026-06-20")!, leapDay: .march1) == 16)
    }

    @Test func codableAsISOText() throws {
        let d = CalendarDay(iso: "2026-06-02")!
        #expect(d.iso == "2026-06-02")
        #expect(d.readable == "June 2, 2026")
    }
}
