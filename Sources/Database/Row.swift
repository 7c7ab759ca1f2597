/// One row of a result, read column by column into Swift types:
/// ```swift
/// for row in try await pool.query("SELECT id, last_name, birth_date FROM student WHERE school_id = $1", [schoolID]) {
///     let id = try row.decode("id", as: Int.self)
///     let birth: CalendarDate? = try row.decode("birth_date")
/// }
/// ```
/// A failed decode names the column, its SQL type and the Swift type asked for.
public struct Row: Sendable {
    /// The result's columns.
    public let columns: RowColumns
    /// Each column's text form, nil for NULL.
    public let values: [String?]

    /// Makes a row (the library makes them from results; tests may too).
    public init(columns: RowColumns, values: [String?]) {
        self.columns = columns
        self.values = values
    }

    /// Decodes the named column.
    public func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws(DatabaseError) -> T {
        guard let index = columns.index(of: column) else {
            throw DatabaseError(kind: .decoding, message: "the result has no column \"\(column)\" (it has: \(columns.names.joined(separator: ", ")))")
        }
        return try decode(index, as: type)
    }

    /// Decodes the column at `index` (0-based).
    public func decode<T: SQLDecodable>(_ index: Int, as type: T.Type = T.self) throws(DatabaseError) -> T {
        guard values.indices.contains(index) else {
            throw DatabaseError(kind: .decoding, message: "the result has no column at index \(index) (it has \(values.count) columns: \(columns.names.joined(separator: ", ")))")
        }
        let sqlType = columns.types[index]
        do throws(SQLDecodingFailure) {
            if let text = values[index] { return try T.decode(sqlText: text, type: sqlType) }
            return try T.decodeNull(type: sqlType)
        } catch {
            throw DatabaseError(kind: .decoding,
                                message: "column \"\(columns.names[index])\" (\(sqlType)) cannot be decoded as \(T.self): \(error.reason)",
                                column: columns.names[index])
        }
    }

    /// Whether the named column is NULL (false when there is no such column).
    public func isNull(_ column: String) -> Bool {
        guard let index = columns.index(of: column) else { return false }
        return values[index] == nil
    }
}
