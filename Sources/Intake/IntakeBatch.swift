/// Rows of one kind that passed every check that needs no database: each value is normalized
/// text in the column order of ``IntakeKind/columns`` (nil = NULL), ready for COPY into staging.
public struct IntakeBatch: Sendable {
    /// What the rows are.
    public var kind: IntakeKind
    /// The file (or form) they came from, for problems found later (unknown references, scope).
    public var fileName: String
    /// The rows in file order.
    public var rows: [IntakeRow]

    /// Makes a batch.
    public init(kind: IntakeKind, fileName: String, rows: [IntakeRow]) {
        self.kind = kind
        self.fileName = fileName
        self.rows = rows
    }

    /// The value of `column` in `row` (nil when NULL or not a column of this kind).
    public func value(_ column: String, in row: IntakeRow) -> String? {
        guard let index = kind.columns.firstIndex(where: { $0.name == column }) else { return nil }
        return row.values[index]
    }
}

/// One normalized row.
public struct IntakeRow: Sendable, Equatable {
    /// The line it starts on in its file.
    public var line: Int
    /// Normalized values in column order; nil = NULL.
    public var values: [String?]

    /// Makes a row.
    public init(line: Int, values: [String?]) {
        self.line = line
        self.values = values
    }
}
