import Testing
@testable import Intake

/// A students file's schools and repeated students, checked in memory, must name exactly the
/// problems the import's SQL named (ImportValidationTests and ImportScopeTests hold the messages
/// against the database) and otherwise give each row its school's id.
@Suite struct StudentSchoolsTests {
    static let schools = StudentSchools(ids: ["a-hs": 11, "b-hs": 12])

    static func outcome(_ rows: [(school: String?, student: String)], own: String? = nil) -> (problems: [String], ids: [Int64]) {
        let batch = IntakeBatch(kind: .students, fileName: "students.csv", rows: rows.enumerated().map {
            IntakeRow(line: $0.offset + 2, values: [$0.element.school, $0.element.student, "Ana", "Peña"])
        })
        do {
            return ([], try schools.resolve(batch, ownSchool: own))
        } catch {
            return (error.problems.map(\.description), [])
        }
    }

    @Test func eachRowGetsItsSchoolsID() {
        #expect(Self.outcome([("a-hs", "1"), ("b-hs", "1"), ("a-hs", "2")]) == ([], [11, 12, 11]))
        #expect(Self.outcome([(nil, "1"), ("b-hs", "2")], own: "b-hs") == ([], [12, 12]), "a counselor's empty school is hers")
    }

    @Test func missingUnknownAndForeignSchoolsAreNamed() {
        let found = Self.outcome([("nowhere-hs", "N1"), (nil, "N2"), ("a-hs", "N3")]).problems
        #expect(found == [
            "students.csv:2:school: \"nowhere-hs\" is not the code of a school",
            "students.csv:3:school: is required (the code of the student's school, e.g. clovis-hs)",
        ])
        let counselor = Self.outcome([("b-hs", "N1"), ("zz-hs", "N2"), (nil, "N3")], own: "a-hs").problems
        #expect(counselor == [
            "students.csv:2:school: \"b-hs\" is not your school (a-hs): a counselor imports only their own school's students",
            "students.csv:3:school: \"zz-hs\" is not the code of a school",
            "students.csv:3:school: \"zz-hs\" is not your school (a-hs): a counselor imports only their own school's students",
        ])
    }

    @Test func aStudentGivenAgainIsNamedWithTheLineSheFirstAppearsOn() {
        let found = Self.outcome([("a-hs", "7"), ("b-hs", "7"), ("a-hs", "8"), ("a-hs", "7"), ("a-hs", "7"), (nil, "9"), (nil, "9")]).problems
        #expect(found == [
            "students.csv:5:student_id: student 7 of a-hs appears again (first on line 2)",
            "students.csv:6:student_id: student 7 of a-hs appears again (first on line 2)",
            "students.csv:7:school: is required (the code of the student's school, e.g. clovis-hs)",
            "students.csv:8:school: is required (the code of the student's school, e.g. clovis-hs)",
            "students.csv:8:student_id: student 9 of  appears again (first on line 7)",
        ])
    }

    /// Checked a part at a time, in file order, a file gives the same ids and problems as checked
    /// whole: a student given again is found in a later part.
    @Test func aFileCheckedInPartsGivesTheSameIDsAndProblems() {
        let rows: [(school: String?, student: String)] = [("a-hs", "7"), ("b-hs", "7"), ("zz-hs", "1"), ("a-hs", "8"), (nil, "3"), ("a-hs", "7"), ("b-hs", "9")]
        let batch = IntakeBatch(kind: .students, fileName: "students.csv", rows: rows.enumerated().map {
            IntakeRow(line: $0.offset + 2, values: [$0.element.school, $0.element.student, "Ana", "Peña"])
        })
        for own in [nil, "a-hs"] {
            var resolution = StudentSchools.Resolution(schools: Self.schools, fileName: "students.csv", ownSchool: own)
            let ids = [0..<2, 2..<3, 3..<7].flatMap { resolution.resolve(batch.rows[$0]) }
            let whole: [String]
            do { _ = try Self.schools.resolve(batch, ownSchool: own); whole = [] } catch { whole = error.problems.map(\.description) }
            #expect(resolution.problems.map(\.description) == whole)
            #expect(!whole.isEmpty)
            #expect(ids == (own == nil ? [11, 12, 0, 11, 0, 11, 12] : [11, 12, 0, 11, 11, 11, 12]))
        }
    }

    /// The schools a file's raw cells name, as checking will read them: codes in any case, a
    /// counselor's empty cells her school, cells naming no school left out.
    @Test func theSchoolsAFilesCellsName() throws {
        let text = "school,student_id,first_name,last_name\nA-HS,1,Ana,Peña\n a-hs ,2,Ana,Peña\n,3,Ana,Peña\nzz-hs,4,Ana,Peña\nnot a code,5,Ana,Peña\n"
        let table = try CSVReader().read(Array(text.utf8), fileName: "students.csv")
        #expect(Self.schools.schools(namedIn: table, ownSchool: nil) == [11])
        #expect(Self.schools.schools(namedIn: table, ownSchool: "b-hs") == [11, 12])
    }
}
