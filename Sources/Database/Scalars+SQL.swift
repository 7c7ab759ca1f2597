import Foundation

extension Double: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .float8 }
    public var sqlText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return "\(self)"
    }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> Double {
        guard type == .float8 || type == .float4 || type == .numeric || type.isInteger else { throw .wrongType(type) }
        guard let value = Double(text) else { throw .malformed(text, expected: "a number") }
        return value
    }
}

extension Bool: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .bool }
    public var sqlText: String? { self ? "t" : "f" }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> Bool {
        guard type == .bool else { throw .wrongType(type) }
        switch text {
        case "t", "true": return true
        case "f", "false": return false
        default: throw .malformed(text, expected: "a boolean (t or f)")
        }
    }
}

/// Any column can be read as `String` (its text form); a `String` parameter is sent untyped so the
/// server reads it as whatever the statement needs (text, varchar, an enumeration, a date…).
extension String: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .unspecified }
    public var sqlText: String? { self }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> String { text }
}

/// `numeric`, exactly (no binary floating point on the way).
extension Decimal: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .numeric }
    public var sqlText: String? { description }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> Decimal {
        guard type == .numeric || type.isInteger || type == .float8 || type == .float4 else { throw .wrongType(type) }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN,
              text != "NaN" else {
            throw .malformed(text, expected: "a finite decimal number")
        }
        return value
    }
}

extension UUID: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .uuid }
    public var sqlText: String? { uuidString.lowercased() }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> UUID {
        guard type == .uuid || type.isTextual else { throw .wrongType(type) }
        guard let value = UUID(uuidString: text) else { throw .malformed(text, expected: "a UUID") }
        return value
    }
}
