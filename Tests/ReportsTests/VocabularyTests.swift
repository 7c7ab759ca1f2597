import Testing
@testable import Reports

@Suite struct VocabularyTests {
    @Test func percentages() {
        #expect(Vocabulary.percent(3, of: 5) == "60.0%")
        #expect(Vocabulary.percent(1, of: 3) == "33.3%")
        #expect(Vocabulary.percent(2, of: 3) == "66.7%")
        #expect(Vocabulary.percent(0, of: 0) == "–")
        #expect(Vocabulary.percent(7, of: 7) == "100.0%")
    }

    @Test func ordinals() {
        #expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(Vocabulary.ordinal) ==
                ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"])
    }

    @Test func codesReadAsWords() {
        #expect(Vocabulary.programOfStudy("transportation_logistics") == "Transportation & Logistics")
        #expect(Vocabulary.slotKind("job_shadow") == "Job shadow")
        #expect(Vocabulary.slotKind("new_kind") == "New kind")
    }

    @Test func reservedSeatWordIsNeutralOutsideJuvenileServices() {
        #expect(Vocabulary.reservedSeats(juvenileEntitled: false) == "reserved seats")
        #expect(!Vocabulary.reservedSeats(juvenileEntitled: false).contains("second"))
    }
}
