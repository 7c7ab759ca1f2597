import Testing
@testable import Intake

@Suite struct SampleDataGeneratorTests {
    @Test func sameSeedSameFilesDifferentSeedDifferentFiles() {
        let a = SampleDataGenerator(students: 300, seed: 7).generate()
        let b = SampleDataGenerator(students: 300, seed: 7).generate()
        let c = SampleDataGenerator(students: 300, seed: 8).generate()
        #expect(a.files.map(\.csv) == b.files.map(\.csv))
        #expect(a.csv(.students) != c.csv(.students))
    }

    @Test func everyFilePassesValidation() throws {
        let data = SampleDataGenerator(students: 1_500, seed: 3).generate()
        let validator = IntakeValidator(today: CalendarDay(year: 2026, month: 11, day: 29)!)
        for (kind, csv) in data.files {
            let batch = try validator.validate(csv: Array(csv.utf8), fileName: kind.fileName, kind: kind)
            let expected = data.counts.first { $0.kind == kind }!.rows
            #expect(batch.rows.count == expected, "\(kind)")
        }
    }

    @Test func looksLikeRegionOne() throws {
        let data = SampleDataGenerator(students: 4_000, seed: 11).generate()
        let validator = IntakeValidator(today: CalendarDay(year: 2026, month: 11, day: 29)!)
        let students = try validator.validate(csv: Array(data.csv(.students).utf8), fileName: "students.csv", kind: .students)
        let ages = students.rows.map { CalendarDay(iso: students.value("birth_date", in: $0)!)!.age(on: CalendarDay(year: 2027, month: 1, day: 11)!) }
        #expect(ages.min()! >= 14 && ages.max()! <= 19)
        let noConsent = students.rows.filter { students.value("guardian_consent_on", in: $0) == nil }.count
        #expect(noConsent > 100 && noConsent < 1_000)
        let schools = Set(students.rows.map { students.value("school", in: $0)! })
        #expect(schools.isSuperset(of: ["clovis-hs", "portales-hs", "tucumcari-hs", "fort-sumner-hs"]))

        let referrals = data.counts.first { $0.kind == .referrals }!.rows
        #expect(referrals > 120 && referrals < 300)  // about 5% of 4,000

        let slots = try validator.validate(csv: Array(data.csv(.slots).utf8), fileName: "slots.csv", kind: .slots)
        let virtual = slots.rows.filter { slots.value("virtual", in: $0) == "true" }.count
        #expect(virtual > 0 && virtual < slots.rows.count / 2)
        #expect(slots.rows.contains { slots.value("hazardous_orders", in: $0) != "{}" })

        // Popularity skew: the most chosen slot is chosen far more often than the median one.
        let choices = try validator.validate(csv: Array(data.csv(.choices).utf8), fileName: "choices.csv", kind: .choices)
        var perSlot: [String: Int] = [:]
        for row in choices.rows { perSlot[choices.value("slot_id", in: row)!, default: 0] += 1 }
        let sorted = perSlot.values.sorted()
        #expect(sorted.last! > 5 * sorted[sorted.count / 2])
        #expect(data.counts.first { $0.kind == .rankings }!.rows > 0)
    }
}
