import Testing
@testable import Intake

@Suite struct IntakeValidatorTests {
    let validator = IntakeValidator(today: CalendarDay(year: 2026, month: 11, day: 29)!)

    func problems(_ kind: IntakeKind, _ text: String) -> [String] {
        do {
            _ = try validator.validate(csv: Array(text.utf8), fileName: kind.fileName, kind: kind)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    static let studentHeader = "school,student_id,first_name,last_name,birth_date,grade,program_of_study,transport,home_latitude,home_longitude,availability\n"

    /// A file large enough to be checked in chunks on every core: rows stay in file order, and every
    /// problem is reported once, in line order, whichever chunk found it.
    @Test func aLargeFileIsCheckedInChunksAndReportedInLineOrder() throws {
        let count = IntakeValidator.rowsWorthSplitting * 3 + 17
        var text = Self.studentHeader
        for i in 0..<count { text += "clovis-hs,S\(i),Ana,Peña,2010-03-04,10,,family,,,\n" }
        let batch = try validator.validate(csv: Array(text.utf8), fileName: "students.csv", kind: .students)
        #expect(batch.rows.count == count)
        #expect(batch.rows.map { batch.value("student_id", in: $0) } == (0..<count).map { "S\($0)" })
        #expect(batch.rows.map(\.line) == Array(2...(count + 1)))

        let bad = [5, 4_000, 4_100, 9_999, count - 1]
        var wrong = Self.studentHeader
        for i in 0..<count {
            wrong += "clovis-hs,S\(i),Ana,Peña,\(bad.contains(i) ? "2009-02-30" : "2010-03-04"),10,,family,,,\n"
        }
        let found = problems(.students, wrong)
        #expect(found == bad.map { "students.csv:\($0 + 2):birth_date: \"2009-02-30\" is not a date (use YYYY-MM-DD)" })
    }

    /// A table checked a part at a time (as a large first students import checks it while copying)
    /// gives the rows and problems of the whole-file check, part after part; a wrong header is
    /// refused before any row is checked.
    @Test func aTableCheckedInPartsGivesTheWholeChecksRowsAndProblems() throws {
        var text = Self.studentHeader
        for i in 0..<50 { text += "clovis-hs,S\(i),Ana,Peña,\([7, 31].contains(i) ? "2009-02-30" : "2010-03-04"),\(i == 40 ? "13" : "10"),,family,,,\n" }
        let table = try CSVReader().read(Array(text.utf8), fileName: "students.csv")
        let checker = try validator.rowChecker(for: table, kind: .students)
        let parts = [0..<7, 7..<8, 8..<32, 32..<50].map(checker.check)
        #expect(parts.flatMap(\.rows).map(\.line) == (0..<50).filter { ![7, 31, 40].contains($0) }.map { $0 + 2 })
        #expect(parts.flatMap(\.problems).map(\.description) == problems(.students, text))
        #expect(parts.flatMap(\.problems).map(\.line) == [9, 33, 42])
        let valid = Self.studentHeader + "clovis-hs,S1,Ana,Peña,2010-03-04,10,,family,,,\n"
        let whole = try validator.validate(csv: Array(valid.utf8), fileName: "students.csv", kind: .students)
        let validTable = try CSVReader().read(Array(valid.utf8), fileName: "students.csv")
        #expect(try validator.rowChecker(for: validTable, kind: .students).check(0..<1).rows == whole.rows)

        let badHeader = try CSVReader().read(Array("school,student_id,shoe_size\nclovis-hs,S1,9\n".utf8), fileName: "students.csv")
        #expect(throws: IntakeProblems.self) { try validator.rowChecker(for: badHeader, kind: .students) }
    }

    @Test func validStudentIsNormalized() throws {
        let text = Self.studentHeader + "Clovis-HS,1001, Ana ,Peña,2010-03-04,10,Agriculture,SCHOOL_BUS,34.4,-103.2,mon-fri 15:30-18:00\n"
        let batch = try validator.validate(csv: Array(text.utf8), fileName: "students.csv", kind: .students)
        let row = try #require(batch.rows.first)
        #expect(batch.value("school", in: row) == "clovis-hs")
        #expect(batch.value("first_name", in: row) == "Ana")
        #expect(batch.value("program_of_study", in: row) == "agriculture")
        #expect(batch.value("transport", in: row) == "school_bus")
        #expect(batch.value("availability", in: row) == "Mon-Fri 15:30-18:00")
        #expect(batch.value("guardian_language", in: row) == "en")
        #expect(batch.value("certifications", in: row) == "{}")
        #expect(batch.value("guardian_consent_on", in: row) == nil)
    }

    @Test func impossibleDateNamesFileLineAndColumn() {
        let text = Self.studentHeader + "clovis-hs,1,A,B,2010-01-01,10,,,,,\nclovis-hs,2,C,D,2009-02-30,10,,,,,\n"
        #expect(problems(.students, text) == ["students.csv:3:birth_date: \"2009-02-30\" is not a date (use YYYY-MM-DD)"])
    }

    @Test func reportsAllProblemsNotJustTheFirst() {
        let text = Self.studentHeader
            + "clovis-hs,1,A,B,2020-01-01,10,,,,,\n"          // age 6
            + "clovis-hs,2,C,D,1990-01-01,13,welding,bike,95,,Mon 25:00-26:00\n"
        let found = problems(.students, text)
        #expect(found.contains { $0.hasPrefix("students.csv:2:birth_date: 2020-01-01 makes the student 6 years old") })
        #expect(found.contains("students.csv:3:grade: 13 is out of range (6–12)"))
        #expect(found.contains { $0.hasPrefix("students.csv:3:program_of_study: \"welding\" is not one of") })
        #expect(found.contains { $0.hasPrefix("students.csv:3:transport: \"bike\" is not one of none, school_bus") })
        #expect(found.contains("students.csv:3:home_latitude: 95 is out of range (-90…90)"))
        #expect(found.contains { $0.hasPrefix("students.csv:3:availability: \"25:00-26:00\" is not a time range") })
        #expect(found.count == 6)
    }

    @Test func unknownAndMissingColumns() {
        let found = problems(.choices, "student_id,rank,slot,colour\n1,1,S1,red\n")
        #expect(found.contains("choices.csv:1:slot: unknown column for choices (known columns: school, student_id, rank, edc, slot_id)"))
        #expect(found.contains { $0.hasPrefix("choices.csv:1:colour: unknown column") })
        #expect(found.contains("choices.csv:1:slot_id: required column is missing from the header"))
    }

    @Test func headersAreCaseInsensitive() throws {
        let batch = try validator.validate(csv: Array("Student_ID,RANK,Slot_Id\n7,1,S1\n".utf8), fileName: "c.csv", kind: .choices)
        #expect(batch.rows.count == 1)
    }

    static let slotHeader = "slot_id,employer_id,title,kind,program_of_study,capacity,reserved_seats,start_date,end_date,virtual,site_name,site_latitude,site_longitude,hazardous_orders\n"

    @Test func slotRules() {
        let text = Self.slotHeader
            + "S1,E1,Welder,internship,manufacturing,-1,0,2027-01-10,2027-05-01,false,Shop,34.4,-103.2,\n"
            + "S2,E1,Welder,internship,manufacturing,2,3,2027-01-10,2027-05-01,false,Shop,34.4,-103.2,\n"
            + "S3,E1,Welder,internship,manufacturing,2,0,2027-05-10,2027-05-01,false,Shop,34.4,-103.2,\n"
            + "S4,E1,Welder,internship,manufacturing,2,0,2027-01-10,2027-05-01,false,,,,\n"
            + "S5,E1,Coder,internship,information_technology,2,0,2027-01-10,2027-05-01,true,,,,18\n"
            + "S6,E1,Coder,internhip,information_technology,2,0,2027-01-10,2027-05-01,maybe,,,,\n"
        let found = problems(.slots, text)
        #expect(found.contains("slots.csv:2:capacity: -1 is out of range (0–10000)"))
        #expect(found.contains("slots.csv:3:reserved_seats: 3 reserved seats exceed the capacity of 2"))
        #expect(found.contains("slots.csv:4:end_date: 2027-05-01 is before start_date 2027-05-10"))
        #expect(found.contains("slots.csv:5:site_name: is required for a slot that is not virtual"))
        #expect(found.contains("slots.csv:6:hazardous_orders: \"18\" is not a number 1–17"))
        #expect(found.contains { $0.hasPrefix("slots.csv:7:kind: \"internhip\" is not one of internship") })
        #expect(found.contains("slots.csv:7:virtual: \"maybe\" is not true or false (use true/false, yes/no or 1/0)"))
    }

    @Test func referralTimesAndLists() throws {
        let header = "school,student_id,referred_on,curfew,excluded_employers,excluded_counties\n"
        let bad = problems(.referrals, header + "clovis-hs,1,2026-09-01,9pm,,\nclovis-hs,1,2026-09-01,,edc-clovis,\n")
        #expect(bad.contains("referrals.csv:2:curfew: \"9pm\" is not a time of day (use 24-hour HH:MM, e.g. 21:00)"))
        #expect(bad.contains("referrals.csv:3:excluded_employers: \"edc-clovis\" is not edc:employer_id (e.g. edc-clovis:E014)"))
        let batch = try validator.validate(csv: Array((header + "clovis-hs,1,2026-09-01,21:00,edc-clovis:E1; edc-portales:E2,Quay;De Baca\n").utf8),
                                           fileName: "r.csv", kind: .referrals)
        let row = try #require(batch.rows.first)
        #expect(batch.value("excluded_counties", in: row) == "{\"Quay\",\"De Baca\"}")
        #expect(FieldNormalizer.arrayItems(batch.value("excluded_employers", in: row)!) == ["edc-clovis:E1", "edc-portales:E2"])
    }

    @Test func requiredCellsAndRanks() {
        let found = problems(.choices, "student_id,rank,slot_id\n,0,S1\n1,x,\n")
        #expect(found == [
            "choices.csv:2:rank: 0 is out of range (1–100)",
            "choices.csv:2:student_id: is required",
            "choices.csv:3:rank: \"x\" is not a whole number",
            "choices.csv:3:slot_id: is required",
        ])
    }

    @Test func calendarDays() {
        #expect(CalendarDay(iso: "2024-02-29") != nil)
        #expect(CalendarDay(iso: "2023-02-29") == nil)
        #expect(CalendarDay(iso: "2023-13-01") == nil)
        #expect(CalendarDay(iso: "2023-1-01") == nil)
        let birth = CalendarDay(year: 2010, month: 6, day: 15)!
        #expect(birth.age(on: CalendarDay(year: 2026, month: 6, day: 14)!) == 15)
        #expect(birth.age(on: CalendarDay(year: 2026, month: 6, day: 15)!) == 16)
    }

    /// Cells already in their normal form are kept as written (no copy); the others are still
    /// normalized, and counted in characters, not bytes.
    @Test func cellsInNormalFormAndOthers() {
        func normal(_ text: String, _ type: FieldType) -> String? {
            if case .success(let value) = FieldNormalizer.normalize(text, as: type) { return value ?? "(empty)" }
            return nil
        }
        #expect(normal("2009-02-28", .date) == "2009-02-28")
        #expect(normal("0001-01-01", .date) == "0001-01-01")
        #expect(normal("0000-01-01", .date) == nil)
        #expect(normal("true", .boolean) == "true")
        #expect(normal("TRUE", .boolean) == "true")
        #expect(normal("No", .boolean) == "false")
        #expect(normal("maybe", .boolean) == nil)
        #expect(normal("agriculture", .code(Vocabulary.programsOfStudy)) == "agriculture")
        #expect(normal("Agriculture", .code(Vocabulary.programsOfStudy)) == "agriculture")
        #expect(normal("osha10", .codeList(Vocabulary.certifications)) == "{osha10}")
        #expect(normal("OSHA10", .codeList(Vocabulary.certifications)) == "{osha10}")
        #expect(normal("osha10; forklift;osha10", .codeList(Vocabulary.certifications)) == "{osha10,forklift}")
        #expect(normal("clovis-hs", .organizationCode) == "clovis-hs")
        #expect(normal("Clovis-HS", .organizationCode) == "clovis-hs")
        #expect(normal("clovis_hs", .organizationCode) == nil)
        #expect(normal("-clovis", .organizationCode) == nil, "a code does not start with -")
        #expect(normal("clovis-", .organizationCode) == "clovis-")
        #expect(normal("Peña-hs", .organizationCode) == nil, "ASCII only")
        #expect(normal(String(repeating: "a", count: 63), .organizationCode) != nil)
        #expect(normal(String(repeating: "a", count: 64), .organizationCode) == nil, "at most 63")
        #expect(normal("s-1;s-2", .identifier) == nil)
        // Five characters in ten bytes are within five characters; six are not.
        #expect(normal("ñññññ", .text(maxLength: 5)) == "ñññññ")
        #expect(normal("ññññññ", .text(maxLength: 5)) == nil)
        #expect(normal("a\u{7}b", .text(maxLength: 5)) == nil)
        #expect(normal("a\tb", .text(maxLength: 5)) == "a\tb")
        #expect(normal(String(repeating: "é", count: 64), .identifier) != nil)
        #expect(normal(String(repeating: "é", count: 65), .identifier) == nil)
        #expect(normal("S1;S2", .identifier) == nil)
    }

    @Test func weeklyWindows() throws {
        #expect(try WeeklyWindowsText.normalize("mon-fri 9:00-12:00;  sat,SUN 08:00-12:00").get() == "Mon-Fri 09:00-12:00; Sat,Sun 08:00-12:00")
        #expect(try WeeklyWindowsText.normalize("Fri 22:00-02:00").get() == "Fri 22:00-02:00")
        #expect(throws: WeeklyWindowsError.self) { try WeeklyWindowsText.normalize("Funday 9:00-10:00").get() }
        #expect(throws: WeeklyWindowsError.self) { try WeeklyWindowsText.normalize("Mon 9:00").get() }
    }

    @Test func timestamps() {
        #expect(FieldNormalizer.normalizeTimestamp("2027-02-01T17:00:00-07:00") == "2027-02-01T17:00:00-07:00")
        #expect(FieldNormalizer.normalizeTimestamp("2027-02-01") == "2027-02-01T00:00:00")
        #expect(FieldNormalizer.normalizeTimestamp("2027-02-30T17:00") == nil)
        #expect(FieldNormalizer.normalizeTimestamp("tomorrow") == nil)
    }
}

@Suite struct FormRecordTests {
    @Test func aFormGoesThroughTheSameValidation() {
        let table = CSVTable.record(source: "form", ["student_id": "1001", "first_name": "Ana", "last_name": "Peña",
                                                     "birth_date": "2009-02-30", "grade": "10"])
        do {
            _ = try IntakeValidator(today: CalendarDay(year: 2026, month: 11, day: 29)!).validate(table, kind: .students)
            Issue.record("expected a problem")
        } catch {
            #expect(error.problems.map(\.description) == ["form:1:birth_date: \"2009-02-30\" is not a date (use YYYY-MM-DD)"])
        }
    }
}
