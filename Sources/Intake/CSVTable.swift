/// A parsed CSV file: its header (normalized to lowercase) and its rows, each with the line it
/// starts on. Produced by ``CSVReader``.
public struct CSVTable: Sendable {
    /// The name used in problems (`students.csv`).
    public var fileName: String
    /// Column names as written, trimmed and lowercased.
    public var header: [String]
    /// The data rows, in file order; each has exactly `header.count` fields.
    public var rows: [CSVRow]

    /// Makes a table from parts (tests and web forms build them directly).
    public init(fileName: String, header: [String], rows: [CSVRow]) {
        self.fileName = fileName
        self.header = header
        self.rows = rows
    }

    /// The index of `column` in the header, if present.
    public func index(of column: String) -> Int? {
        header.firstIndex(of: column)
    }
}

/// One data row of a CSV file.
public struct CSVRow: Sendable {
    /// The 1-based physical line the row starts on (quoted newlines count).
    public var line: Int
    /// The row's fields, unquoted.
    public var fields: [String]

    /// Makes a row.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
