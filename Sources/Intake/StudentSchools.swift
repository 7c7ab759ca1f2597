/// The schools a students file names, checked against the region's schools and the importing
/// user's scope, and the students it gives twice: every students import's checks after validation,
/// written once, in memory (a region's schools are a few dozen).
public struct StudentSchools: Sendable {
    /// Each school's organization id, by code.
    public var ids: [String: Int64]

    /// Makes the checker from every school's code and id.
    public init(ids: [String: Int64]) {
        self.ids = ids
    }

    /// The school id of each row of `batch`, in order. A counselor's (`ownSchool`) rows without a
    /// school are her school's. Or every problem: a missing or unknown school, a school not the
    /// counselor's, a (school, student) given again (each later row, with the line it first
    /// appears on).
    public func resolve(_ batch: IntakeBatch, ownSchool: String?) throws(IntakeProblems) -> [Int64] {
        var problems: [IntakeProblem] = []
        func problem(_ line: Int, _ column: String, _ message: String) {
            problems.append(IntakeProblem(file: batch.fileName, line: line, column: column, message: message))
        }
        var schoolIDs: [Int64] = []
        schoolIDs.reserveCapacity(batch.rows.count)
        var firstLine: [StudentKey: Int] = [:]
        firstLine.reserveCapacity(batch.rows.count)
        for row in batch.rows {
            let school = row.values[Self.school] ?? ownSchool
            let id = school.flatMap { ids[$0] }
            schoolIDs.append(id ?? 0)
            switch school {
            case nil: problem(row.line, "school", "is required (the code of the student's school, e.g. clovis-hs)")
            case let code? where id == nil: problem(row.line, "school", "\"\(code)\" is not the code of a school")
            default: break
            }
            if let own = ownSchool, let code = school, code != own {
                problem(row.line, "school", "\"\(code)\" is not your school (\(own)): a counselor imports only their own school's students")
            }
            guard let student = row.values[Self.student] else { continue }
            let key = StudentKey(school: school ?? "", student: student)
            if let first = firstLine[key] {
                problem(row.line, "student_id", "student \(student) of \(school ?? "") appears again (first on line \(first))")
            } else {
                firstLine[key] = row.line
            }
        }
        if !problems.isEmpty { throw IntakeProblems(problems) }
        return schoolIDs
    }

    /// Where the school and the student id are in a students row (IntakeSchemas.students).
    static let school = 0, student = 1

    private struct StudentKey: Hashable {
        let school: String
        let student: String
    }
}
