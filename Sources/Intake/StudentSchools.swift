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
        var resolution = Resolution(schools: self, fileName: batch.fileName, ownSchool: ownSchool, expectedRows: batch.rows.count)
        let schoolIDs = resolution.resolve(batch.rows)
        if !resolution.problems.isEmpty { throw IntakeProblems(resolution.problems) }
        return schoolIDs
    }

    /// The ids of the schools the cells of `table`'s school column name, as they will read once
    /// checked (a counselor's empty cells: her school): to choose how to write a file before its
    /// rows are checked. A cell that names no school is left out; checking the rows reports it.
    public func schools(namedIn table: CSVTable, ownSchool: String?) -> Set<Int64> {
        guard let column = table.index(of: "school") else { return Set([ownSchool.flatMap { ids[$0] }].compactMap { $0 }) }
        var found = Set<Int64>()
        var seen = Set<String>()
        for row in table.rows where seen.insert(row.fields[column]).inserted {
            let code: String? = switch FieldNormalizer.normalize(row.fields[column], as: .organizationCode) {
            case .success(let value): value ?? ownSchool
            case .failure: nil
            }
            if let id = code.flatMap({ ids[$0] }) { found.insert(id) }
        }
        return found
    }

    /// The checks of ``resolve(_:ownSchool:)`` made on a file's rows a part at a time, in file
    /// order: a student given again is found across parts.
    public struct Resolution: Sendable {
        let schools: StudentSchools
        let fileName: String
        let ownSchool: String?
        private var firstLine: [StudentKey: Int] = [:]
        /// Every problem found so far, in line order.
        public private(set) var problems: [IntakeProblem] = []

        /// Starts the checks of a file of about `expectedRows` rows.
        public init(schools: StudentSchools, fileName: String, ownSchool: String?, expectedRows: Int = 0) {
            self.schools = schools
            self.fileName = fileName
            self.ownSchool = ownSchool
            firstLine.reserveCapacity(expectedRows)
        }

        /// The school id of each of `rows` (0 where there is none), the next part of the file;
        /// their problems are added to ``problems``.
        public mutating func resolve(_ rows: some Collection<IntakeRow>) -> [Int64] {
            var schoolIDs: [Int64] = []
            schoolIDs.reserveCapacity(rows.count)
            for row in rows {
                let school = row.values[StudentSchools.school] ?? ownSchool
                let id = school.flatMap { schools.ids[$0] }
                schoolIDs.append(id ?? 0)
                switch school {
                case nil: problem(row.line, "school", "is required (the code of the student's school, e.g. clovis-hs)")
                case let code? where id == nil: problem(row.line, "school", "\"\(code)\" is not the code of a school")
                default: break
                }
                if let own = ownSchool, let code = school, code != own {
                    problem(row.line, "school", "\"\(code)\" is not your school (\(own)): a counselor imports only their own school's students")
                }
                guard let student = row.values[StudentSchools.student] else { continue }
                let key = StudentKey(school: school ?? "", student: student)
                if let first = firstLine[key] {
                    problem(row.line, "student_id", "student \(student) of \(school ?? "") appears again (first on line \(first))")
                } else {
                    firstLine[key] = row.line
                }
            }
            return schoolIDs
        }

        private mutating func problem(_ line: Int, _ column: String, _ message: String) {
            problems.append(IntakeProblem(file: fileName, line: line, column: column, message: message))
        }
    }

    /// Where the school and the student id are in a students row (IntakeSchemas.students).
    static let school = 0, student = 1

    private struct StudentKey: Hashable {
        let school: String
        let student: String
    }
}
