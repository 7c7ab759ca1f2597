import MatchingEngine
import Testing
@testable import Intake

/// A file's lists beside the stored ones: a list is new when the student had none, changed when its
/// (rank, slot) pairs differ from hers in any way, and otherwise unchanged; stored rows of students
/// not in the file do not count.
@Suite struct ChoiceListChangesTests {
    @Test func newChangedAndUnchangedListsOnGeneratedData() {
        var g = SplitMix64(seed: 2026_11_30)  // deterministic: a failure names a case to try again
        var seen = (new: 0, changed: 0, unchanged: 0)
        for round in 0..<1_000 {
            // Stored lists of students 1…6, some empty; the file gives lists for some of them, often the stored one.
            var stored: [Int64: [ResolvedChoice]] = [:]
            for student in Int64(1)...6 {
                let size = Int(g.next() % 4)
                stored[student] = (0..<size).map { ResolvedChoice(studentID: student, rank: $0 + 1 + Int(g.next() % 2), slotID: 100 + Int64(g.next() % 5)) }
                stored[student] = Dictionary(stored[student]!.map { ($0.rank, $0) }, uniquingKeysWith: { a, _ in a }).values.sorted { $0.rank < $1.rank }
            }
            var lists: [ResolvedChoice] = []
            for student in (Int64(1)...6).shuffled(using: &g) where g.next() % 3 != 0 {
                var list = stored[student]!
                switch g.next() % 4 {
                case 0: list = [ResolvedChoice(studentID: student, rank: 1, slotID: 100 + Int64(g.next() % 5))]
                case 1 where !list.isEmpty: list[Int(g.next() % UInt64(list.count))].slotID += 1
                case 2 where !list.isEmpty: list[list.count - 1].rank += 1
                default: break
                }
                if list.isEmpty { list = [ResolvedChoice(studentID: student, rank: 1, slotID: 101)] }
                lists += list
            }
            let storedRows = stored.values.flatMap { $0 }.shuffled(using: &g)
            let changes = ChoiceListChanges(lists: lists, stored: storedRows)

            var expected: [ChoiceListChanges.Change] = []
            var unchanged = 0
            var replaced: (rows: Int, digest: Int64) = (0, 0)
            var start = 0
            while start < lists.count {
                let student = lists[start].studentID
                let end = lists[start...].firstIndex { $0.studentID != student } ?? lists.count
                let was = stored[student]!
                if was == Array(lists[start..<end]) {
                    unchanged += 1
                    seen.unchanged += 1
                } else {
                    expected.append(.init(studentID: student, before: was.isEmpty ? nil : was.map(\.slotID), rows: start..<end))
                    replaced.rows += was.count
                    replaced.digest += was.reduce(0) { $0 + ChoiceListChanges.digest(student: $1.studentID, rank: $1.rank, slot: $1.slotID) }
                    if was.isEmpty { seen.new += 1 } else { seen.changed += 1 }
                }
                start = end
            }
            #expect(changes.changed == expected, "case \(round)")
            #expect(changes.unchanged == unchanged, "case \(round)")
            #expect(changes.replaced == replaced, "case \(round): the stored rows the changes replace")
        }
        #expect(seen.new > 300 && seen.changed > 300 && seen.unchanged > 300, "\(seen)")
    }

    /// The digest tells a list from the same slots at other ranks, and from its slots moved between students.
    @Test func theDigestSeesARankOrAStudentChange() {
        func sum(_ rows: [(Int64, Int, Int64)]) -> Int64 { rows.reduce(0) { $0 + ChoiceListChanges.digest(student: $1.0, rank: $1.1, slot: $1.2) } }
        let list = [(Int64(7), 1, Int64(70)), (7, 2, 71)]
        #expect(sum(list) != sum([(7, 1, 71), (7, 2, 70)]), "two slots swapped")
        #expect(sum(list) != sum([(8, 1, 70), (8, 2, 71)]), "the same list of another student")
        #expect(sum(list) != sum([(7, 1, 70)]), "a row fewer")
        #expect(ChoiceListChanges.digest(student: Int64.max, rank: 100, slot: Int64.max) < 3_200_000_000)
    }
}
