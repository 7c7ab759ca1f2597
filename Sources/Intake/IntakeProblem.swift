/// One thing wrong with an input, named by where it is and what to do about it.
///
/// Its description reads like a compiler diagnostic:
/// `students.csv:14:birth_date: "2009-02-30" is not a date (use YYYY-MM-DD)`.
/// The same value serves CSV files (file, line, column), web forms (field) and the JSON API
/// (`file` is the JSON path's root, `column` the member).
public struct IntakeProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name (or form / API resource) the problem is in.
    public var file: String
    /// The 1-based line the row starts on; 0 when the problem concerns the whole file.
    public var line: Int
    /// The column (field) name, empty when the problem concerns a whole row or file.
    public var column: String
    /// What is wrong and what to do, as a sentence fragment a counselor can read.
    public var message: String

    /// Makes a problem at `file:line:column`.
    public init(file: String, line: Int, column: String = "", message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if line > 0 { place += ":\(line)" }
        if !column.isEmpty { place += ":\(column)" }
        return "\(place): \(message)"
    }
}

/// All the problems found in one input: thrown when there is at least one, so nothing is applied.
public struct IntakeProblems: Error, Sendable, CustomStringConvertible {
    /// Every problem, in file order.
    public var problems: [IntakeProblem]

    /// Wraps `problems` (sorted by line, then column).
    public init(_ problems: [IntakeProblem]) {
        self.problems = problems.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    public var description: String {
        let shown = problems.prefix(200).map(\.description)
        let more = problems.count > 200 ? ["… and \(problems.count - 200) more problems"] : []
        return (shown + more).joined(separator: "\n")
    }
}
