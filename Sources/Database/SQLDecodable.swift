/// A Swift type that a column's value can be decoded into.
///
/// Decoders read PostgreSQL's text format and check the column's type first, so reading a `text`
/// column as `Int` fails with a message naming the column and both types rather than guessing.
public protocol SQLDecodable: Sendable {
    /// Decodes a non-NULL value from its text form; `type` is the column's type.
    static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> Self
    /// Decodes NULL. The default fails: only `Optional` accepts NULL.
    static func decodeNull(type: SQLType) throws(SQLDecodingFailure) -> Self
}

extension SQLDecodable {
    public static func decodeNull(type: SQLType) throws(SQLDecodingFailure) -> Self {
        throw SQLDecodingFailure("the value is NULL; decode it as an Optional (\(Self.self)?) to accept NULL")
    }
}

/// Why a value could not be decoded; `Row` wraps it into a `DatabaseError` naming the column.
public struct SQLDecodingFailure: Error, Sendable {
    /// The reason, as a sentence fragment.
    public var reason: String
    /// Makes a failure.
    public init(_ reason: String) { self.reason = reason }

    static func wrongType(_ type: SQLType) -> SQLDecodingFailure {
        SQLDecodingFailure("a \(type) column cannot be read as this type")
    }

    static func malformed(_ text: String, expected: String) -> SQLDecodingFailure {
        let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return SQLDecodingFailure("'\(shown)' is not \(expected)")
    }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> Self {
        try Wrapped.decode(sqlText: text, type: type)
    }
    public static func decodeNull(type: SQLType) throws(SQLDecodingFailure) -> Self { nil }
}
