extension CSVTable {
    /// A one-row table from named values (a web form or a JSON object), so forms and the API go
    /// through the same ``IntakeValidator`` as files. Problems name `source:1:field`.
    ///
    /// ```swift
    /// let table = CSVTable.record(source: "form", ["student_id": "1001", "birth_date": "2010-03-04"])
    /// let batch = try IntakeValidator().validate(table, kind: .students)
    /// ```
    public static func record(source: String, _ fields: [String: String]) -> CSVTable {
        let names = fields.keys.sorted()
        return CSVTable(fileName: source, header: names.map { $0.lowercased() },
                        rows: [CSVRow(line: 1, fields: names.map { fields[$0] ?? "" })])
    }
}
