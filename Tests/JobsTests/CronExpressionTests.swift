import Foundation
import Testing
@testable import Jobs

/// Parsing and next-run arithmetic of cron expressions, including the nights clocks change in
/// America/Denver (2026-03-08 02:00 MST → 03:00 MDT; 2026-11-01 02:00 MDT → 01:00 MST).
@Suite struct CronExpressionTests {
    let denver = TimeZone(identifier: "America/Denver")!
    let utc = TimeZone(identifier: "UTC")!

    func instant(_ iso: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: iso)!
    }

    func iso(_ date: Date?) -> String {
        guard let date else { return "nil" }
        return ISO8601DateFormatter().string(from: date)
    }

    @Test func parsesFieldsListsRangesStepsAndNames() throws {
        let expression = try CronExpression("*/15 9-17/4 1,15 JAN-MAR mon-fri")
        #expect(expression.minutes.values == [0, 15, 30, 45])
        #expect(expression.hours.values == [9, 13, 17])
        #expect(expression.daysOfMonth.values == [1, 15])
        #expect(expression.months.values == [1, 2, 3])
        #expect(expression.daysOfWeek.values == [1, 2, 3, 4, 5])
        #expect(try CronExpression("0 0 * * 7").daysOfWeek.values == [0])
        #expect(try CronExpression("5/20 * * * *").minutes.values == [5, 25, 45])
        #expect(try CronExpression("@daily") == CronExpression("@daily"))
        #expect(try CronExpression("@hourly").minutes.values == [0])
    }

    @Test(arguments: [
        ("0 25 * * *", "hour", 3),
        ("0 2 * *", "expression", 1),
        ("0 2 * * * *", "expression", 1),
        ("61 2 * * *", "minute", 1),
        ("0 2 1,,3 * *", "day of month", 7),
        ("0 2 * FOO *", "month", 7),
        ("0 2 * * 1-8", "day of week", 11),
        ("*/0 2 * * *", "minute", 3),
        ("0 5-2 * * *", "hour", 3),
        ("@fortnightly", "expression", 1),
    ])
    func refusesBadExpressionsNamingFieldAndColumn(text: String, field: String, column: Int) {
        #expect {
            _ = try CronExpression(text)
        } throws: { error in
            guard let error = error as? CronParseError else { return false }
            return error.field == field && error.column == column && !error.reason.isEmpty
                && error.description.contains(text)
        }
    }

    @Test func nextRunsInUTC() throws {
        let everyQuarter = try CronExpression("*/15 * * * *")
        #expect(iso(everyQuarter.next(after: instant("2026-01-01T10:07:00Z"), in: utc)) == "2026-01-01T10:15:00Z")
        #expect(iso(everyQuarter.next(after: instant("2026-01-01T10:15:00Z"), in: utc)) == "2026-01-01T10:30:00Z")
        let monthly = try CronExpression("0 0 31 * *")
        #expect(iso(monthly.next(after: instant("2026-02-01T00:00:00Z"), in: utc)) == "2026-03-31T00:00:00Z")
        let leap = try CronExpression("0 12 29 2 *")
        #expect(iso(leap.next(after: instant("2026-01-01T00:00:00Z"), in: utc)) == "2028-02-29T12:00:00Z")
        #expect(try CronExpression("0 0 30 2 *").next(after: instant("2026-01-01T00:00:00Z"), in: utc) == nil)
    }

    @Test func dayOfMonthOrDayOfWeekWhenBothRestricted() throws {
        // The 13th or any Friday: 2026-02-06 is a Friday, 2026-02-13 also a Friday.
        let either = try CronExpression("0 0 13 * FRI")
        #expect(iso(either.next(after: instant("2026-02-01T00:00:00Z"), in: utc)) == "2026-02-06T00:00:00Z")
        #expect(iso(either.next(after: instant("2026-03-07T00:00:00Z"), in: utc)) == "2026-03-13T00:00:00Z")
        // With a star day of month, only Fridays.
        let fridays = try CronExpression("0 0 * * 5")
        #expect(iso(fridays.next(after: instant("2026-03-07T00:00:00Z"), in: utc)) == "2026-03-13T00:00:00Z")
    }

    @Test func nightlyInDenverOrdinaryNights() throws {
        let nightly = try CronExpression("0 2 * * *")
        // Winter: MST = UTC−7; summer: MDT = UTC−6.
        #expect(iso(nightly.next(after: instant("2026-01-15T12:00:00Z"), in: denver)) == "2026-01-16T09:00:00Z")
        #expect(iso(nightly.next(after: instant("2026-07-15T12:00:00Z"), in: denver)) == "2026-07-16T08:00:00Z")
    }

    @Test func springForwardRunsOnceAtTheJump() throws {
        // 2026-03-08: 02:00 MST (09:00Z) jumps to 03:00 MDT. 02:00 and 02:30 do not exist that night.
        let nightly = try CronExpression("0 2 * * *")
        let saturdayNoon = instant("2026-03-07T19:00:00Z")
        let run = nightly.next(after: saturdayNoon, in: denver)
        #expect(iso(run) == "2026-03-08T09:00:00Z")
        // The next one is 02:00 MDT the following night, not a second run on the 8th.
        #expect(iso(nightly.next(after: run!, in: denver)) == "2026-03-09T08:00:00Z")
        // Several skipped minutes collapse into one run at the jump.
        let quarterHours = try CronExpression("*/15 2 * * *")
        let runs = quarterHours.runs(after: saturdayNoon, through: instant("2026-03-09T00:00:00Z"), in: denver)
        #expect(runs.map(iso) == ["2026-03-08T09:00:00Z"])
        // 03:00 itself still runs once.
        let three = try CronExpression("0 3 * * *")
        #expect(three.runs(after: saturdayNoon, through: instant("2026-03-09T00:00:00Z"), in: denver).map(iso)
                == ["2026-03-08T09:00:00Z"])
    }

    @Test func fallBackRunsTheRepeatedHourOnce() throws {
        // 2026-11-01: 02:00 MDT (08:00Z) falls back to 01:00 MST; 01:00–01:59 happens twice.
        let night = (instant("2026-10-31T18:00:00Z"), instant("2026-11-01T18:00:00Z"))
        let nightly = try CronExpression("0 2 * * *")
        #expect(nightly.runs(after: night.0, through: night.1, in: denver).map(iso) == ["2026-11-01T09:00:00Z"])
        let oneThirty = try CronExpression("30 1 * * *")
        #expect(oneThirty.runs(after: night.0, through: night.1, in: denver).map(iso) == ["2026-11-01T07:30:00Z"])
        // An hourly schedule runs in both passes through 01:00, so it keeps its hourly rhythm.
        let hourly = try CronExpression("0 * * * *")
        let runs = hourly.runs(after: instant("2026-11-01T05:30:00Z"), through: instant("2026-11-01T10:30:00Z"), in: denver)
        #expect(runs.map(iso) == ["2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z", "2026-11-01T08:00:00Z",
                                  "2026-11-01T09:00:00Z", "2026-11-01T10:00:00Z"])
    }

    @Test func civilCalendarMatchesFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let days = Int.random(in: -130_000...150_000, using: &generator)  // 1614–2380: Foundation switches to Julian before 1582
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let civil = CronExpression.civil(fromDays: days)
            #expect(civil.year == parts.year && civil.month == parts.month && civil.day == parts.day)
            #expect(CronExpression.weekday(ofDays: days) == parts.weekday! - 1)
        }
    }

    /// Property: next(after:) is strictly later, matches the fields in local time, and no run is skipped
    /// (checked minute by minute against a brute-force scan) over random instants across a year in Denver.
    @Test func nextAgreesWithMinuteByMinuteScan() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = denver
        let expressions = try ["*/7 * * * *", "0 2 * * *", "30 1 * * *", "15 3 * * 1-5", "0 0 1 * *", "*/20 1-3 * * *"]
            .map(CronExpression.init)
        var generator = SystemRandomNumberGenerator()
        for expression in expressions {
            for _ in 0..<20 {
                let start = instant("2026-01-01T00:00:00Z").addingTimeInterval(Double(Int.random(in: 0..<365 * 1440, using: &generator)) * 60)
                guard let next = expression.next(after: start, in: denver) else { Issue.record("no next for \(expression)"); continue }
                #expect(next > start)
                // Scan each minute between start and next: none matches a wall time that exists.
                var probe = start.addingTimeInterval(60 - start.timeIntervalSince1970.truncatingRemainder(dividingBy: 60))
                while probe < next {
                    let parts = calendar.dateComponents([.month, .day, .weekday, .hour, .minute], from: probe)
                    let matches = expression.matchesDay(month: parts.month!, day: parts.day!, weekday: parts.weekday! - 1)
                        && expression.hours.contains(parts.hour!) && expression.minutes.contains(parts.minute!)
                    let repeated = denver.secondsFromGMT(for: probe) != denver.secondsFromGMT(for: probe.addingTimeInterval(-3600))
                        && denver.secondsFromGMT(for: probe) < denver.secondsFromGMT(for: probe.addingTimeInterval(-3600))
                    #expect(!matches || repeated, "\(expression) skipped \(iso(probe)) on the way to \(iso(next))")
                    probe += 60
                }
            }
        }
    }
}
