import Parallel

/// Checks a table of one kind without a database: the header, every cell's type and range, and
/// the rules that tie a row's cells together (reserved ≤ capacity, age 10–25, …). References to
/// other rows (schools, slots, students) and the user's scope are checked by `Store` afterwards.
///
/// The one place validation lives: CSV import, web forms and the JSON API all build a
/// ``CSVTable`` (a form is a one-row table) and call ``validate(_:kind:)``.
public struct IntakeValidator: Sendable {
    /// The day ages are computed on.
    public var today: CalendarDay
    /// Youngest and oldest age a student's birth date may give on `today`.
    public var studentAges: ClosedRange<Int>

    /// Makes a validator; ages are checked against `today`.
    public init(today: CalendarDay = .today(), studentAges: ClosedRange<Int> = 10...25) {
        self.today = today
        self.studentAges = studentAges
    }

    /// Files with at least this many rows are checked on every core.
    static let rowsWorthSplitting = 4_096

    /// Reads and validates CSV bytes in one step.
    public func validate(csv bytes: [UInt8], fileName: String, kind: IntakeKind,
                         reader: CSVReader = CSVReader()) throws(IntakeProblems) -> IntakeBatch {
        let table = try reader.read(bytes, fileName: fileName)
        return try validate(table, kind: kind)
    }

    /// The normalized rows, or every problem found.
    public func validate(_ table: CSVTable, kind: IntakeKind) throws(IntakeProblems) -> IntakeBatch {
        try rowChecker(for: table, kind: kind).checkAll()
    }

    /// Checks the header of `table` (every problem with it thrown at once) and returns what checks
    /// its rows, any range of them at a time: for an import that writes the first rows while later
    /// ones are still being checked.
    public func rowChecker(for table: CSVTable, kind: IntakeKind) throws(IntakeProblems) -> IntakeRowChecker {
        let columns = kind.columns
        let file = table.fileName
        var problems: [IntakeProblem] = []

        // Header: known columns only, no duplicates, every required one present.
        var sourceIndex = [Int?](repeating: nil, count: columns.count)
        for (position, name) in table.header.enumerated() {
            guard let target = columns.firstIndex(where: { $0.name == name }) else {
                problems.append(IntakeProblem(file: file, line: 1, column: name.isEmpty ? "column \(position + 1)" : name,
                    message: "unknown column for \(kind.rawValue) (known columns: \(columns.map(\.name).joined(separator: ", ")))"))
                continue
            }
            if sourceIndex[target] != nil {
                problems.append(IntakeProblem(file: file, line: 1, column: name, message: "appears twice in the header"))
            }
            sourceIndex[target] = position
        }
        for (index, column) in columns.enumerated() where column.required && sourceIndex[index] == nil {
            problems.append(IntakeProblem(file: file, line: 1, column: column.name, message: "required column is missing from the header"))
        }
        if !problems.isEmpty { throw IntakeProblems(problems) }
        return IntakeRowChecker(validator: self, table: table, kind: kind, sourceIndex: sourceIndex)
    }

    /// Rules that tie cells of one row together.
    func crossCheck(_ row: IntakeRow, kind: IntakeKind, file: String, columnIndex: [String: Int]) -> [IntakeProblem] {
        func value(_ column: String) -> String? { columnIndex[column].flatMap { row.values[$0] } }
        func problem(_ column: String, _ message: String) -> IntakeProblem {
            IntakeProblem(file: file, line: row.line, column: column, message: message)
        }
        var problems: [IntakeProblem] = []
        func pair(_ a: String, _ b: String) {
            if (value(a) == nil) != (value(b) == nil) {
                problems.append(problem(value(a) == nil ? a : b, "is required when \(value(a) == nil ? b : a) is given"))
            }
        }
        switch kind {
        case .organizations:
            pair("latitude", "longitude")
        case .rounds:
            if let previous = value("previous_round"), previous == value("name") {
                problems.append(problem("previous_round", "a round cannot follow itself"))
            }
        case .slots:
            if let capacity = value("capacity").flatMap(Int.init), let reserved = value("reserved_seats").flatMap(Int.init),
               reserved > capacity {
                problems.append(problem("reserved_seats", "\(reserved) reserved seats exceed the capacity of \(capacity)"))
            }
            if let start = value("start_date"), let end = value("end_date"), end < start {
                problems.append(problem("end_date", "\(end) is before start_date \(start)"))
            }
            if value("virtual") != "true" {
                for column in ["site_name", "site_latitude", "site_longitude"] where value(column) == nil {
                    problems.append(problem(column, "is required for a slot that is not virtual"))
                }
            }
        case .students:
            if let birthText = value("birth_date"), let birth = CalendarDay(iso: birthText) {
                let age = birth.age(on: today)
                if !studentAges.contains(age) {
                    problems.append(problem("birth_date", "\(birth) makes the student \(age) years old on \(today); students must be \(studentAges.lowerBound)–\(studentAges.upperBound) (check the year)"))
                }
                if let graduation = value("expected_graduation"), graduation <= birthText {   // both YYYY-MM-DD
                    problems.append(problem("expected_graduation", "\(graduation) is not after the birth date"))
                }
            }
            pair("home_latitude", "home_longitude")
        case .referrals:
            for item in value("excluded_employers").map(FieldNormalizer.arrayItems) ?? [] {
                let parts = item.split(separator: ":", maxSplits: 1)
                if parts.count != 2 || FieldNormalizer.normalize(String(parts[0]), as: FieldType.organizationCode).isFailure || parts[1].isEmpty {
                    problems.append(problem("excluded_employers", "\"\(item)\" is not edc:employer_id (e.g. edc-clovis:E014)"))
                }
            }
        case .users, .employers, .choices, .rankings:
            break
        }
        return problems
    }
}

/// Checks the rows of a table whose header passed (``IntakeValidator/rowChecker(for:kind:)``).
/// Rows are checked on their own, so any range of them can be checked apart, on any core.
public struct IntakeRowChecker: Sendable {
    let validator: IntakeValidator
    /// The table whose rows are checked.
    public let table: CSVTable
    /// What its rows are.
    public let kind: IntakeKind
    /// For each column of `kind`, its position in the table's header (nil: not in the file).
    let sourceIndex: [Int?]
    let columnIndex: [String: Int]

    init(validator: IntakeValidator, table: CSVTable, kind: IntakeKind, sourceIndex: [Int?]) {
        self.validator = validator
        self.table = table
        self.kind = kind
        self.sourceIndex = sourceIndex
        var columnIndex: [String: Int] = [:]
        for (index, column) in kind.columns.enumerated() { columnIndex[column.name] = index }
        self.columnIndex = columnIndex
    }

    /// The rows of `range` that pass, normalized, and the problems of those that do not, in line order.
    public func check(_ range: Range<Int>) -> (rows: [IntakeRow], problems: [IntakeProblem]) {
        let columns = kind.columns
        let file = table.fileName
        var rows: [IntakeRow] = []
        rows.reserveCapacity(range.count)
        var problems: [IntakeProblem] = []
        for row in table.rows[range] {
            var values = [String?](repeating: nil, count: columns.count)
            var rowOK = true
            for (index, column) in columns.enumerated() {
                let raw = sourceIndex[index].map { row.fields[$0] } ?? ""
                switch FieldNormalizer.normalize(raw, as: column.type) {
                case .success(let value):
                    if let value { values[index] = value }
                    else if column.required {
                        problems.append(IntakeProblem(file: file, line: row.line, column: column.name, message: "is required"))
                        rowOK = false
                    } else { values[index] = column.defaultValue }
                case .failure(let message):
                    problems.append(IntakeProblem(file: file, line: row.line, column: column.name, message: message))
                    rowOK = false
                }
            }
            if rowOK {
                let normalized = IntakeRow(line: row.line, values: values)
                let found = validator.crossCheck(normalized, kind: kind, file: file, columnIndex: columnIndex)
                if found.isEmpty { rows.append(normalized) } else { problems.append(contentsOf: found) }
            }
        }
        return (rows, problems)
    }

    /// Every row checked, a large table in chunks on every core: the batch, or every problem.
    public func checkAll() throws(IntakeProblems) -> IntakeBatch {
        let count = table.rows.count
        let pieces = count >= IntakeValidator.rowsWorthSplitting ? chunks(of: count) : [0..<count]
        let checked = pieces.count == 1 ? [check(pieces[0])] : inParallel(count: pieces.count) { check(pieces[$0]) }
        var rows: [IntakeRow] = []
        rows.reserveCapacity(count)
        var problems: [IntakeProblem] = []
        for piece in checked {
            rows += piece.rows
            problems += piece.problems
        }
        if !problems.isEmpty { throw IntakeProblems(problems) }
        return IntakeBatch(kind: kind, fileName: table.fileName, rows: rows)
    }
}
