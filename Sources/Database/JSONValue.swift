import Foundation

/// Any JSON document, for `jsonb` columns whose shape is open.
public enum JSONValue: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue: SQLEncodable, SQLDecodable {
    public static var sqlType: SQLType { .jsonb }
    public var sqlText: String? { JSONB(self).sqlText }
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> JSONValue {
        try JSONB<JSONValue>.decode(sqlText: text, type: type).value
    }
}

/// A `Codable` value stored as `jsonb`:
/// ```swift
/// try await conn.execute("INSERT INTO job (kind, args) VALUES ($1, $2)", ["send_email", JSONB(args)])
/// let args = try row.decode("args", as: JSONB<EmailArgs>.self).value
/// ```
/// Dates inside are ISO 8601 strings; keys are sorted so equal values give equal text.
public struct JSONB<Value: Codable & Sendable>: Sendable, SQLEncodable, SQLDecodable {
    /// The wrapped value.
    public var value: Value

    /// Wraps a value.
    public init(_ value: Value) { self.value = value }

    public static var sqlType: SQLType { .jsonb }

    public var sqlText: String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding a Codable value to JSON fails only for non-finite numbers; NULL says "no value" then.
        guard let data = try? encoder.encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> JSONB<Value> {
        guard type == .jsonb || type == .json || type.isTextual else { throw .wrongType(type) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return JSONB(try decoder.decode(Value.self, from: Data(text.utf8)))
        } catch {
            throw SQLDecodingFailure("the JSON does not fit \(Value.self): \(error)")
        }
    }
}
