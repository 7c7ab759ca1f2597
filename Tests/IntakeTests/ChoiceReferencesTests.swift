import MatchingEngine
import Testing
@testable import Intake

/// A choices file resolved in memory against the stored schools, students and slots must name
/// exactly the problems the rules name (each row's own, then repeats within one student's list),
/// and, when there are none, turn every row into the right ids.
@Suite struct ChoiceReferencesTests {
    struct Student { var school: String; var id: String; var pk: Int64 }
    struct Slot { var edc: String; var id: String; var pk: Int64; var active: Bool }
    struct Row { var line: Int; var school: String?; var student: String; var rank: Int; var edc: String?; var slot: String }

    static func references(_ students: [Student], _ slots: [Slot]) -> ChoiceReferences {
        var references = ChoiceReferences()
        references.schools = ["a-hs", "b-hs"]
        for s in students { references.addStudent(school: s.school, studentID: s.id, id: s.pk) }
        for s in slots { references.addSlot(edc: s.edc, slotID: s.id, id: s.pk, active: s.active) }
        return references
    }

    static func batch(_ rows: [Row]) -> IntakeBatch {
        IntakeBatch(kind: .choices, fileName: "choices.csv", rows: rows.map {
            IntakeRow(line: $0.line, values: [$0.school, $0.student, String($0.rank), $0.edc, $0.slot])
        })
    }

    static func outcome(_ references: ChoiceReferences, _ rows: [Row], own: String?, max: Int) -> (problems: [String], choices: [ResolvedChoice]) {
        do {
            return ([], try references.resolve(batch(rows), ownSchool: own, maxChoices: max))
        } catch {
            return (error.problems.map(\.description), [])
        }
    }

    /// The rules written out plainly, row by row and pair by pair (as the import's SQL stated them),
    /// to hold the resolver to.
    static func expected(_ students: [Student], _ slots: [Slot], _ rows: [Row], own: String?, max: Int) -> (problems: [String], choices: [ResolvedChoice]) {
        var problems: [String] = []
        var studentOf: [Int64?] = []
        var slotOf: [Slot?] = []
        for row in rows {
            func problem(_ column: String, _ message: String) { problems.append("choices.csv:\(row.line):\(column): \(message)") }
            let school = row.school ?? own
            var student: Int64?
            if school == nil {
                problem("school", "is required (the code of the student's school, e.g. clovis-hs)")
            } else if school != "a-hs" && school != "b-hs" {
                problem("school", "\"\(school!)\" is not the code of a school")
            } else if let own, school != own {
                problem("school", "\"\(school!)\" is not your school (\(own)): a counselor enters choices only for their own school's students")
            } else {
                student = students.first { $0.school == school && $0.id == row.student }?.pk
                if student == nil { problem("student_id", "\(row.student) is not a student of \(school!) (import students.csv first)") }
            }
            let matches = slots.filter { $0.id == row.slot && (row.edc == nil || $0.edc == row.edc) }
            if matches.isEmpty {
                problem("slot_id", row.edc.map { "slot \(row.slot) of \($0) is not known" } ?? "slot \(row.slot) is not known")
            } else if matches.count > 1 {
                problem("slot_id", "slot id \(row.slot) is used by \(matches.count) EDCs: add an edc column to say which")
            } else if !matches[0].active {
                problem("slot_id", "slot \(row.slot) is not active and takes no choices")
            }
            if row.rank > max { problem("rank", "rank \(row.rank) is more than the round allows (\(max) choices)") }
            studentOf.append(student)
            slotOf.append(matches.count == 1 ? matches[0] : nil)
        }
        for i in rows.indices {
            guard let student = studentOf[i] else { continue }
            if let j = rows.indices.first(where: { $0 < i && studentOf[$0] == student && rows[$0].rank == rows[i].rank }) {
                problems.append("choices.csv:\(rows[i].line):rank: student \(rows[i].student) already has rank \(rows[i].rank) (line \(rows[j].line))")
            }
            if let slot = slotOf[i],
               let j = rows.indices.first(where: { $0 < i && studentOf[$0] == student && slotOf[$0]?.pk == slot.pk }) {
                problems.append("choices.csv:\(rows[i].line):slot_id: student \(rows[i].student) already chose slot \(rows[i].slot) (line \(rows[j].line))")
            }
        }
        if !problems.isEmpty { return (problems, []) }
        // Each student's list by rank, students in the order the file first names them.
        let firstRow = Dictionary(rows.indices.map { (studentOf[$0]!, $0) }, uniquingKeysWith: min)
        let order = rows.indices.sorted { (firstRow[studentOf[$0]!]!, rows[$0].rank) < (firstRow[studentOf[$1]!]!, rows[$1].rank) }
        return ([], order.map { ResolvedChoice(studentID: studentOf[$0]!, rank: rows[$0].rank, slotID: slotOf[$0]!.pk) })
    }

    @Test func resolvesAsTheRulesSayOnGeneratedFiles() {
        var g = SplitMix64(seed: 2026_11_30)  // deterministic: a failure names a file to try again
        func pick<T>(_ items: [T]) -> T { items[Int(g.next() % UInt64(items.count))] }
        var clean = 0, repeats = 0, ambiguous = 0
        for file in 0..<2_000 {
            var students: [Student] = []
            var pk: Int64 = 100
            for school in ["a-hs", "b-hs"] {
                for id in ["S1", "S2", "S3", "S4"] where g.next() % 4 != 0 {
                    pk += 1 + Int64(g.next() % 3)
                    students.append(Student(school: school, id: id, pk: pk))
                }
            }
            var slots: [Slot] = []
            for edc in ["e1", "e2"] {
                for id in ["P1", "P2", "P3", "P4", "P5"] where g.next() % 2 == 0 {
                    pk += 1
                    slots.append(Slot(edc: edc, id: id, pk: pk, active: g.next() % 5 != 0))
                }
            }
            let own: String? = g.next() % 3 == 0 ? "a-hs" : nil
            let max = 3 + Int(g.next() % 4)
            // A third of the files use only what exists, so many of them are clean.
            let mine = students.filter { own == nil || $0.school == own }
            let careful = g.next() % 3 == 0 && !mine.isEmpty && slots.contains(where: \.active)
            var rows: [Row] = []
            var line = 1
            var ranks: [String: Int] = [:]
            for _ in 0..<Int(g.next() % (careful ? 8 : 30)) {
                line += 1 + (g.next() % 8 == 0 ? 1 : 0)   // now and then a quoted line end
                if careful {
                    let student = pick(mine)
                    let slot = pick(slots.filter(\.active))
                    rows.append(Row(line: line, school: own != nil && g.next() % 2 == 0 ? nil : student.school, student: student.id,
                                    rank: ranks[student.school + student.id, default: 0] + 1, edc: slot.edc, slot: slot.id))
                    ranks[student.school + student.id, default: 0] += 1
                } else {
                    rows.append(Row(line: line, school: pick([nil, "a-hs", "a-hs", "b-hs", "x-hs"]), student: pick(["S1", "S2", "S3", "S4", "S5"]),
                                    rank: 1 + Int(g.next() % 7), edc: pick([nil, nil, "e1", "e2", "e3"]), slot: pick(["P1", "P2", "P3", "P4", "P5", "P6"])))
                }
            }
            let references = Self.references(students, slots)
            let found = Self.outcome(references, rows, own: own, max: max)
            let wanted = Self.expected(students, slots, rows, own: own, max: max)
            #expect(found.problems.sorted() == wanted.problems.sorted(), "file \(file)")
            #expect(found.choices == wanted.choices, "file \(file)")
            let lines = found.problems.map { Int($0.split(separator: ":")[1])! }
            #expect(lines == lines.sorted(), "file \(file): problems are in line order")
            if wanted.problems.isEmpty && !rows.isEmpty { clean += 1 }
            if wanted.problems.contains(where: { $0.contains("already") }) { repeats += 1 }
            if wanted.problems.contains(where: { $0.contains("EDCs") }) { ambiguous += 1 }
        }
        // The generator must reach each case often enough for the comparison to mean something.
        #expect(clean > 100)
        #expect(repeats > 300)
        #expect(ambiguous > 300)
    }

    @Test func aCounselorsRowsTakeHerSchoolListsComeByRankAndARepeatApartFromItsFirstIsFound() throws {
        let references = Self.references([Student(school: "a-hs", id: "S1", pk: 7), Student(school: "a-hs", id: "S2", pk: 8)],
                                         [Slot(edc: "e1", id: "P1", pk: 70, active: true), Slot(edc: "e1", id: "P2", pk: 71, active: true)])
        let ok = try references.resolve(Self.batch([
            Row(line: 2, school: nil, student: "S1", rank: 2, edc: nil, slot: "P1"),
            Row(line: 3, school: "a-hs", student: "S2", rank: 1, edc: "e1", slot: "P1"),
            Row(line: 4, school: "a-hs", student: "S1", rank: 1, edc: "e1", slot: "P2"),
        ]), ownSchool: "a-hs", maxChoices: 5)
        #expect(ok == [ResolvedChoice(studentID: 7, rank: 1, slotID: 71), ResolvedChoice(studentID: 7, rank: 2, slotID: 70),
                       ResolvedChoice(studentID: 8, rank: 1, slotID: 70)])

        let repeated = Self.outcome(references, [
            Row(line: 2, school: "a-hs", student: "S1", rank: 1, edc: nil, slot: "P1"),
            Row(line: 3, school: "a-hs", student: "S2", rank: 1, edc: nil, slot: "P1"),
            Row(line: 4, school: "a-hs", student: "S1", rank: 2, edc: nil, slot: "P2"),
            Row(line: 9, school: "a-hs", student: "S1", rank: 1, edc: nil, slot: "P2"),
        ], own: nil, max: 5)
        #expect(repeated.problems == [
            "choices.csv:9:rank: student S1 already has rank 1 (line 2)",
            "choices.csv:9:slot_id: student S1 already chose slot P2 (line 4)",
        ])
    }

    @Test func atMostTenThousandProblemsAreNamedTheFirstByLine() {
        let references = Self.references([], [])
        let rows = (0..<12_000).reversed().map { Row(line: 2 + $0, school: "a-hs", student: "S\($0)", rank: 1, edc: nil, slot: "P1") }
        let found = Self.outcome(references, rows, own: nil, max: 5)
        #expect(found.problems.count == 10_000)
        #expect(found.problems.first == "choices.csv:2:slot_id: slot P1 is not known")
        #expect(found.problems.last == "choices.csv:5001:student_id: S4999 is not a student of a-hs (import students.csv first)")
    }
}
