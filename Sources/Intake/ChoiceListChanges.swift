/// A file's choice lists beside the lists stored for the same students: which are new, which
/// differ (a list is its (rank, slot) pairs, compared whole), and which stay as they are.
///
/// ```swift
/// let lists = try references.resolve(batch, ownSchool: nil, maxChoices: 10)
/// let changes = ChoiceListChanges(lists: lists, stored: storedRowsOfThoseStudents)
/// for change in changes.changed { … change.before, change.after … }
/// ```
public struct ChoiceListChanges: Sendable {
    /// One list the file changes.
    public struct Change: Sendable, Equatable {
        /// The student whose list it is.
        public var studentID: Int64
        /// Her stored list's slots by rank; nil when she had none.
        public var before: [Int64]?
        /// The file's rows of her list, by rank (a range of `lists`).
        public var rows: Range<Int>
    }

    /// The lists that are new or differ, in the order of `lists`.
    public private(set) var changed: [Change] = []
    /// How many lists are as stored.
    public private(set) var unchanged = 0
    /// The stored rows the changed lists replace: how many, and the sum of their ``digest(student:rank:slot:)``.
    /// The rows deleted when the lists are written must be these; if not, someone changed a list meanwhile.
    public private(set) var replaced: (rows: Int, digest: Int64) = (0, 0)

    /// A number for one stored row, summed over the rows a write replaces; computed the same way in
    /// SQL by the choices import (ChoiceImportQueries.deleteChanged). Moving a slot to another rank
    /// changes the sum. Each term stays under 3.2 × 10⁹, so a sum over millions of rows fits.
    public static func digest(student: Int64, rank: Int, slot: Int64) -> Int64 {
        (student % 1_000_033) * 7 + (slot % 1_000_003) * Int64(rank + 1) * 31
    }

    /// Compares `lists` (as ``ChoiceReferences/resolve(_:ownSchool:maxChoices:)`` returns them:
    /// each student's rows together, by rank) with `stored`, the stored rows of the same students
    /// in any order (rows of other students are ignored).
    public init(lists: [ResolvedChoice], stored: [ResolvedChoice]) {
        var listOf: [Int64: Int] = [:]
        var ranges: [Range<Int>] = []
        var start = 0
        while start < lists.count {
            var end = start + 1
            while end < lists.count && lists[end].studentID == lists[start].studentID { end += 1 }
            listOf[lists[start].studentID] = ranges.count
            ranges.append(start..<end)
            start = end
        }
        var before = [[ResolvedChoice]](repeating: [], count: ranges.count)
        for row in stored {
            if let list = listOf[row.studentID] { before[list].append(row) }
        }
        for (list, range) in ranges.enumerated() {
            let was = before[list].sorted { $0.rank < $1.rank }
            if was.elementsEqual(lists[range]) {
                unchanged += 1
            } else {
                changed.append(Change(studentID: lists[range.lowerBound].studentID,
                                      before: was.isEmpty ? nil : was.map(\.slotID), rows: range))
                replaced.rows += was.count
                for row in was { replaced.digest += Self.digest(student: row.studentID, rank: row.rank, slot: row.slotID) }
            }
        }
    }
}
