extension FixedWidthInteger where Self: SQLDecodable {
    /// Integer columns, and `numeric` values without a fraction (`sum(bigint)` is numeric).
    static func decodeInteger(_ text: String, type: SQLType) throws(SQLDecodingFailure) -> Self {
        guard type.isInteger || type == .numeric else { throw .wrongType(type) }
        guard let value = Self(text) else {
            throw .malformed(text, expected: "an integer that fits \(Self.self) (\(Self.min)…\(Self.max))")
        }
        return value
    }
}

extension Int: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .int8 }
    public var sqlText: String? { String(self) }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> Int {
        try decodeInteger(text, type: type)
    }
}

extension Int64: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .int8 }
    public var sqlText: String? { String(self) }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> Int64 {
        try decodeInteger(text, type: type)
    }
}

extension Int32: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .int4 }
    public var sqlText: String? { String(self) }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> Int32 {
        try decodeInteger(text, type: type)
    }
}

extension Int16: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .int2 }
    public var sqlText: String? { String(self) }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> Int16 {
        try decodeInteger(text, type: type)
    }
}

/// `UInt8` exists so that `[UInt8]` can be `bytea`; alone it travels as a `smallint`.
extension UInt8: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .int2 }
    public var sqlText: String? { String(self) }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> UInt8 {
        try decodeInteger(text, type: type)
    }
}
