import Parallel

/// The stored schools, students and slots a choices file is checked against, by the codes and ids
/// files use. The choices import loads them once and resolves every row here, in memory and on
/// every core, instead of joining a staging table of text against the database.
///
/// ```swift
/// var references = ChoiceReferences()
/// references.schools = ["clovis-hs"]
/// references.addStudent(school: "clovis-hs", studentID: "CLV100001", id: 41)
/// references.addSlot(edc: "edc-clovis", slotID: "CL-S000101", id: 7, active: true)
/// let choices = try references.resolve(batch, ownSchool: nil, maxChoices: 10)
/// ```
public struct ChoiceReferences: Sendable {
    /// One slot of one EDC.
    struct Slot: Sendable, Equatable {
        var edc: String
        var id: Int64
        var active: Bool
        /// The next slot with the same `slot_id` (of another EDC) in `slotList`, or -1.
        var next: Int = -1
    }

    /// The codes of every school.
    public var schools: Set<String> = []
    /// The students the importing user may enter choices for: by school code, then `student_id`.
    public private(set) var students: [String: [String: Int64]] = [:]
    /// Every slot; those sharing a `slot_id` are chained by `next`.
    private(set) var slotList: [Slot] = []
    /// The first slot in `slotList` of each `slot_id` (a plain index: no reference to count on every lookup).
    private(set) var firstSlot: [String: Int] = [:]

    public init() {}

    /// Adds the student `studentID` of `school`.
    public mutating func addStudent(school: String, studentID: String, id: Int64) {
        students[school, default: [:]][studentID] = id
    }

    /// Adds the slot `slotID` of `edc`.
    public mutating func addSlot(edc: String, slotID: String, id: Int64, active: Bool) {
        slotList.append(Slot(edc: edc, id: id, active: active, next: firstSlot[slotID] ?? -1))
        firstSlot[slotID] = slotList.count - 1
    }

    /// The file's rows as stored ids, as lists: each student's rows together by rank, students in
    /// the order the file first names them. Or every problem found (at most 10,000, by
    /// line): an unknown school, student or slot, a school not the counselor's own (`ownSchool`,
    /// which is also the school of rows that leave it empty), an ambiguous or inactive slot, a rank
    /// over `maxChoices`, a rank or slot given twice for one student.
    public func resolve(_ batch: IntakeBatch, ownSchool: String?, maxChoices: Int) throws(IntakeProblems) -> [ResolvedChoice] {
        let rows = batch.rows
        let column = ChoiceColumns(batch.kind)
        let pieces = chunks(of: rows.count)
        let resolved = inParallel(count: pieces.count) { piece in
            var lookup = Lookup(references: self, column: column, ownSchool: ownSchool, maxChoices: maxChoices)
            lookup.found.reserveCapacity(pieces[piece].count)
            for row in rows[pieces[piece]] { lookup.resolve(row) }
            return (lookup.found, lookup.problems)
        }
        var problems = resolved.flatMap(\.1)
        var found: [RowFound?] = []
        found.reserveCapacity(rows.count)
        for piece in resolved { found.append(contentsOf: piece.0) }
        let lists = Self.lists(rows, found, column)
        problems += lists.problems
        if !problems.isEmpty {
            // At most 10,000, the first by line: enough to fix a file by, and a bounded message.
            let sorted = IntakeProblems(problems.map { $0.problem(in: batch.fileName) }).problems
            throw IntakeProblems(Array(sorted.prefix(10_000)))
        }
        // Without problems every row has its student and its slot.
        return lists.order.map { ResolvedChoice(studentID: found[$0]!.student, rank: found[$0]!.rank, slotID: found[$0]!.slot!) }
    }

    /// Each student's list: her rows (those found) by rank, students in the order the file first
    /// names them. And a rank or a slot given twice for one student: every row after the first is
    /// named, with the first's line. Sorted by rank and by slot, a repeat is next to the row it
    /// repeats, whatever the order of the file.
    private static func lists(_ rows: [IntakeRow], _ found: [RowFound?], _ column: ChoiceColumns) -> (order: [Int], problems: [RowProblem]) {
        // Number the students, then order the rows by student (a counting sort keeps file order within one).
        var groupOf: [Int64: Int] = [:]
        groupOf.reserveCapacity(found.count / 4)
        var group = [Int](repeating: -1, count: found.count)
        var groups = 0
        for i in found.indices {
            guard let choice = found[i] else { continue }
            let g = Self.stored(&groupOf[choice.student, default: groups])   // one lookup, inserting when new
            if g == groups { groups += 1 }
            group[i] = g
        }
        var starts = [Int](repeating: 0, count: groups + 1)
        for g in group where g >= 0 { starts[g + 1] += 1 }
        for g in 0..<groups { starts[g + 1] += starts[g] }
        var next = starts
        var order = [Int](repeating: 0, count: starts[groups])
        for i in group.indices where group[i] >= 0 {
            order[next[group[i]]] = i
            next[group[i]] += 1
        }

        var problems: [RowProblem] = []
        var bySlot: [Int] = []
        for g in 0..<groups {
            guard starts[g + 1] - starts[g] > 1 else { continue }
            order[starts[g]..<starts[g + 1]].sort { (found[$0]!.rank, $0) < (found[$1]!.rank, $1) }
            let byRank = order[starts[g]..<starts[g + 1]]
            var first = byRank.first!
            for i in byRank.dropFirst() {
                guard found[i]!.rank == found[first]!.rank else { first = i; continue }
                problems.append(RowProblem(line: rows[i].line, column: "rank",
                    message: "student \(rows[i].values[column.studentID] ?? "") already has rank \(found[i]!.rank) (line \(rows[first].line))"))
            }
            bySlot.removeAll(keepingCapacity: true)
            for i in byRank where found[i]!.slot != nil { bySlot.append(i) }
            bySlot.sort { (found[$0]!.slot!, $0) < (found[$1]!.slot!, $1) }
            guard var firstWithSlot = bySlot.first else { continue }
            for i in bySlot.dropFirst() {
                guard found[i]!.slot == found[firstWithSlot]!.slot else { firstWithSlot = i; continue }
                problems.append(RowProblem(line: rows[i].line, column: "slot_id",
                    message: "student \(rows[i].values[column.studentID] ?? "") already chose slot \(rows[i].values[column.slotID] ?? "") (line \(rows[firstWithSlot].line))"))
            }
        }
        return (order, problems)
    }

    @inline(__always)
    private static func stored(_ value: inout Int) -> Int { value }
}

/// Resolves rows one after another, remembering the last school and student looked up: a file
/// lists a student's choices together, so most rows need only their slot looked up.
private struct Lookup {
    let references: ChoiceReferences
    let column: ChoiceColumns
    let ownSchool: String?
    let maxChoices: Int
    var found: [RowFound?] = []
    var problems: [RowProblem] = []

    private var lastSchool: String?
    private var schoolKnown = false
    private var schoolStudents: [String: Int64]?
    private var lastStudentID: String?
    private var lastStudent: Int64?

    init(references: ChoiceReferences, column: ChoiceColumns, ownSchool: String?, maxChoices: Int) {
        self.references = references
        self.column = column
        self.ownSchool = ownSchool
        self.maxChoices = maxChoices
    }

    /// Looks one row up. A row whose student was found is kept, even with a problem of its own, so
    /// that her other rows are checked against it for repeats.
    mutating func resolve(_ row: IntakeRow) {
        let school = row.values[column.school] ?? ownSchool
        let studentID = row.values[column.studentID] ?? ""
        let rank = Int(row.values[column.rank] ?? "") ?? 0
        let edc = row.values[column.edc]
        let slotID = row.values[column.slotID] ?? ""
        let line = row.line
        func problem(_ name: String, _ message: String) {
            problems.append(RowProblem(line: line, column: name, message: message))
        }

        var student: Int64?
        if let school {
            if school != lastSchool {
                lastSchool = school
                schoolKnown = references.schools.contains(school)
                schoolStudents = references.students[school]
                lastStudentID = nil
            }
            if !schoolKnown {
                problem("school", "\"\(school)\" is not the code of a school")
            } else if let ownSchool, school != ownSchool {
                problem("school", "\"\(school)\" is not your school (\(ownSchool)): a counselor enters choices only for their own school's students")
            } else {
                if studentID != lastStudentID {
                    lastStudentID = studentID
                    lastStudent = schoolStudents?[studentID]
                }
                student = lastStudent
                if student == nil { problem("student_id", "\(studentID) is not a student of \(school) (import students.csv first)") }
            }
        } else {
            problem("school", "is required (the code of the student's school, e.g. clovis-hs)")
        }

        // The slot of the row's EDC; without an EDC, the one slot using the id (`uses` counts them).
        var slot = -1
        var uses = 0
        var k = references.firstSlot[slotID] ?? -1
        while k >= 0 {
            if edc == nil || references.slotList[k].edc == edc {
                slot = k
                uses += 1
            }
            k = references.slotList[k].next
        }
        if uses > 1 {
            slot = -1
            problem("slot_id", "slot id \(slotID) is used by \(uses) EDCs: add an edc column to say which")
        } else if slot < 0 {
            problem("slot_id", edc.map { "slot \(slotID) of \($0) is not known" } ?? "slot \(slotID) is not known")
        } else if !references.slotList[slot].active {
            problem("slot_id", "slot \(slotID) is not active and takes no choices")
        }
        if rank > maxChoices { problem("rank", "rank \(rank) is more than the round allows (\(maxChoices) choices)") }

        found.append(student.map { RowFound(student: $0, rank: rank, slot: slot < 0 ? nil : references.slotList[slot].id) })
    }
}

/// One row of a choices file as stored ids.
public struct ResolvedChoice: Sendable, Equatable {
    /// The student's id.
    public var studentID: Int64
    /// 1 = first choice.
    public var rank: Int
    /// The slot's id.
    public var slotID: Int64

    public init(studentID: Int64, rank: Int, slotID: Int64) {
        self.studentID = studentID
        self.rank = rank
        self.slotID = slotID
    }
}

/// A row whose student was found, with its slot when that was found (and not ambiguous).
private struct RowFound: Sendable {
    var student: Int64
    var rank: Int
    var slot: Int64?
}

/// Where each column of a choices row is.
private struct ChoiceColumns {
    let school, studentID, rank, edc, slotID: Int

    init(_ kind: IntakeKind) {
        let names = kind.columns.map(\.name)
        func index(_ name: String) -> Int {
            guard let i = names.firstIndex(of: name) else { preconditionFailure("choices have no \(name) column") }
            return i
        }
        school = index("school"); studentID = index("student_id"); rank = index("rank"); edc = index("edc"); slotID = index("slot_id")
    }
}

/// A problem found while resolving, before it is placed in its file.
private struct RowProblem: Sendable {
    var line: Int
    var column: String
    var message: String

    func problem(in file: String) -> IntakeProblem { IntakeProblem(file: file, line: line, column: column, message: message) }
}
