import Foundation
import Testing
@testable import Placement

@Suite struct PolicyTests {
    static let shippedFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("policy/default-policy.json")

    @Test func defaultsAreThoseOfDOMAIN() {
        let p = EligibilityPolicy.default
        #expect(p.minimumAge == 14 && p.youngWorkers.underAge == 16)
        #expect(p.youngWorkers.schoolDayMaxHours == 3 && p.youngWorkers.schoolWeekMaxHours == 18)
        #expect(p.youngWorkers.nonSchoolDayMaxHours == 8 && p.youngWorkers.nonSchoolWeekMaxHours == 40)
        #expect(p.youngWorkers.latestEnd.description == "19:00" && p.youngWorkers.summerLatestEnd.description == "21:00")
        #expect(p.hazardousWork.studentLearnerExemptOrders.members.map(\.rawValue) == [5, 8, 10, 12, 14, 16, 17])
        #expect(p.transport.maxCommuteKm == 40)
        #expect(p.warnings.minimumEligibleChoices == 3)
        #expect(p.validationIssues().isEmpty)
    }

    @Test func jsonRoundTrip() throws {
        var p = EligibilityPolicy()
        p.transport.maxCommuteKm = 55.5
        p.schoolCalendar.breaks = [DateRange(start: CalendarDay(iso: "2026-12-21")!, end: CalendarDay(iso: "2027-01-01")!)]
        p.youngWorkers.summerEveningThrough = .day(MonthDay(month: 8, day: 31)!)
        let back = try EligibilityPolicy.load(json: p.jsonData(), source: "test")
        #expect(back == p)
    }

    @Test func shippedFileIsTheDefaultPolicy() throws {
        let data = try Data(contentsOf: Self.shippedFile)
        #expect(try EligibilityPolicy.load(json: data, source: Self.shippedFile.path) == .default)
        // Byte for byte what the code writes, so the file never drifts from the defaults.
        #expect(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                == (try EligibilityPolicy.default.jsonText()))
    }

    @Test func missingFieldsTakeTheirDefaults() throws {
        let p = try EligibilityPolicy.load(json: #"{"transport": {"max_commute_km": 25}}"#, source: "test")
        var expected = EligibilityPolicy()
        expected.transport.maxCommuteKm = 25
        #expect(p == expected)
        #expect(try EligibilityPolicy.load(json: "{}", source: "test") == .default)
    }

    @Test(arguments: [
        (#"{"young_workers": {"school_day_max_hour": 4}}"#, "young_workers.school_day_max_hour", "unknown field"),
        (#"{"young_workers": {"school_day_max_hours": "three"}}"#, "young_workers.school_day_max_hours", "expected a number"),
        (#"{"young_workers": {"school_day_max_hours": 30}}"#, "young_workers.school_day_max_hours", "from 0 to 24"),
        (#"{"young_workers": {"latest_end": "7pm"}}"#, "young_workers.latest_end", "not a time"),
        (#"{"young_workers": {"summer_evening_through": "halloween"}}"#, "young_workers.summer_evening_through", "labor_day"),
        (#"{"hazardous_work": {"student_learner_exempt_orders": [5, 2]}}"#, "hazardous_work.student_learner_exempt_orders", "HO2"),
        (#"{"hazardous_work": {"student_learner_exempt_orders": [5, 18]}}"#, "hazardous_work.student_learner_exempt_orders[1]", "1 to 17"),
        (#"{"transport": {"walking_distance_km": 50}}"#, "transport.walking_distance_km", "max_commute_km"),
        (#"{"school_calendar": {"breaks": [{"start": "2026-12-21", "end": "2026-12-01"}]}}"#, "school_calendar.breaks[0].end", "before its start"),
        (#"{"school_calendar": {"school_hours": "Mon-Fri 8-15"}}"#, "school_calendar.school_hours", "column 9"),
        (#"{"minimum_age": 12}"#, "minimum_age", "14"),
        (#"{"leap_day_birthday": "march_2"}"#, "leap_day_birthday", "not one of \"march_1\", \"february_28\""),
        (#"{"work_permit_exempt_kinds": ["job_shadow", "field_trip"]}"#, "work_permit_exempt_kinds[1]", "\"job_shadow\""),
        (#"{"version": 2}"#, "version", "version 1"),
        (#"{"warnings": {"minimum_eligible_choices": -1}}"#, "warnings.minimum_eligible_choices", "from 0 to 100"),
    ])
    func errorsNameTheField(json: String, path: String, message: String) {
        do {
            _ = try EligibilityPolicy.load(json: json, source: "policy.json")
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.issues.map(\.path).contains(path), "\(error)")
            #expect(error.issues.contains { $0.message.contains(message) }, "\(error)")
            #expect(error.description.contains("policy.json"))
        }
    }

    @Test func notJSONAtAll() {
        #expect(throws: PolicyError.self) { try EligibilityPolicy.load(json: "{", source: "x") }
    }

    @Test func everyIssueIsReportedAtOnce() {
        var p = EligibilityPolicy()
        p.minimumAge = 3
        p.transport.maxCommuteKm = -1
        p.warnings.minimumEligibleChoices = 1000
        #expect(Set(p.validationIssues().map(\.path)).isSuperset(of: ["minimum_age", "transport.max_commute_km", "warnings.minimum_eligible_choices"]))
    }
}

@Suite struct DocumentationTests {
    static let doc = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/eligibility.md")

    @Test func everyCodeAndPolicyFieldIsDocumented() throws {
        let text = try String(contentsOf: Self.doc, encoding: .utf8)
        for code in FailureCode.allCases { #expect(text.contains("| `\(code.rawValue)` |"), "\(code.rawValue)") }
        for code in EligibilityWarning.codes { #expect(text.contains("`\(code)`"), "\(code)") }
        // Every leaf field of the JSON document, by its dotted path.
        let json = try JSONSerialization.jsonObject(with: EligibilityPolicy.default.jsonData()) as! [String: Any]
        var paths: [String] = []
        func walk(_ object: [String: Any], _ prefix: String) {
            for (key, value) in object {
                if let nested = value as? [String: Any] { walk(nested, prefix + key + ".") } else { paths.append(prefix + key) }
            }
        }
        walk(json, "")
        #expect(paths.count > 30)
        for path in paths { #expect(text.contains("| `\(path)` |"), "\(path)") }
    }
}
