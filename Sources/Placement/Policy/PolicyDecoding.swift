/// A coding key for any string, used to list the keys a JSON object actually has.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    init(intValue: Int) { self.stringValue = "[\(intValue)]"; self.intValue = intValue }
}

extension Decoder {
    /// Throws for any key of this JSON object not in `K`: a misspelt field must not silently fall
    /// back to its default.
    func rejectUnknownKeys<K: CodingKey & CaseIterable>(_ keys: K.Type) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let known = Set(K.allCases.map(\.stringValue))
        for key in container.allKeys where !known.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath + [key],
                debugDescription: "unknown field; the fields here are \(K.allCases.map(\.stringValue).joined(separator: ", "))"))
        }
    }
}

extension KeyedDecodingContainer {
    /// The value at `key`, or `fallback` when the key is absent (an older policy document).
    func value<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }
}

/// A text-coded enumeration whose decoding error lists the allowed values.
protocol TextCode: RawRepresentable, CaseIterable where RawValue == String {}

extension TextCode {
    /// Decodes the raw value; an unknown one names every allowed value.
    static func decode(from decoder: any Decoder) throws -> Self {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not one of \(allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))"))
        }
        return value
    }
}

extension LeapDayBirthday: TextCode {
    public init(from decoder: any Decoder) throws { self = try Self.decode(from: decoder) }
}

extension CommuteOrigin: TextCode {
    public init(from decoder: any Decoder) throws { self = try Self.decode(from: decoder) }
}

extension SlotKind: TextCode {
    public init(from decoder: any Decoder) throws { self = try Self.decode(from: decoder) }
}
