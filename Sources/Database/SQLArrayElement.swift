import Foundation

/// A type whose Swift arrays are SQL arrays (`[Int]` ↔ `bigint[]`, `[String]` ↔ `text[]`).
public protocol SQLArrayElement: SQLEncodable, SQLDecodable {
    /// The SQL array type of `[Self]`.
    static var sqlArrayType: SQLType { get }
}

extension Int: SQLArrayElement { public static var sqlArrayType: SQLType { .int8Array } }
extension Int64: SQLArrayElement { public static var sqlArrayType: SQLType { .int8Array } }
extension Int32: SQLArrayElement { public static var sqlArrayType: SQLType { .int4Array } }
extension Int16: SQLArrayElement { public static var sqlArrayType: SQLType { .int2Array } }
extension Double: SQLArrayElement { public static var sqlArrayType: SQLType { .float8Array } }
extension Bool: SQLArrayElement { public static var sqlArrayType: SQLType { .boolArray } }
extension String: SQLArrayElement { public static var sqlArrayType: SQLType { .textArray } }
extension Decimal: SQLArrayElement { public static var sqlArrayType: SQLType { .numericArray } }
extension UUID: SQLArrayElement { public static var sqlArrayType: SQLType { .uuidArray } }
extension Date: SQLArrayElement { public static var sqlArrayType: SQLType { .timestamptzArray } }
extension CalendarDate: SQLArrayElement { public static var sqlArrayType: SQLType { .dateArray } }
extension TimeOfDay: SQLArrayElement { public static var sqlArrayType: SQLType { .timeArray } }
/// `[UInt8]` is `bytea`, not an array.
extension UInt8: SQLArrayElement { public static var sqlArrayType: SQLType { .bytea } }
extension Optional: SQLArrayElement where Wrapped: SQLArrayElement {
    public static var sqlArrayType: SQLType { Wrapped.sqlArrayType }
}

/// Arrays travel as one-dimensional SQL arrays; `[UInt8]` travels as `bytea` (binary).
extension Array: SQLEncodable where Element: SQLArrayElement {
    public static var sqlType: SQLType { Element.sqlArrayType }

    public var sqlText: String? {
        // `as? [UInt8]` alone would also match an empty [Int]: test the element type.
        if let bytes = asBytes { return ByteaText.encode(bytes) }
        // A closure, not `map(\.sqlText)`: a key path through a generic element is built at run time
        // on every call (a run's COPY encodes hundreds of thousands of arrays).
        return SQLArrayText.encode(map { $0.sqlText })
    }

    public var sqlBind: SQLBind {
        if let bytes = asBytes { return SQLBind(type: .bytea, bytes: bytes, isBinary: true) }
        return SQLBind(type: Self.sqlType, bytes: sqlText.map { [UInt8]($0.utf8) }, isBinary: false)
    }

    /// This array as `[UInt8]` when that is its type. A reinterpretation, not `as? [UInt8]`, which
    /// casts element by element (seconds for a message of megabytes); also, `as?` alone would
    /// match an empty `[Int]`, so the element type is tested.
    private var asBytes: [UInt8]? {
        Element.self == UInt8.self ? unsafeBitCast(self, to: [UInt8].self) : nil
    }
}

extension Array: SQLDecodable where Element: SQLArrayElement {
    public static func decode(sqlText text: String, type: SQLType) throws(SQLDecodingFailure) -> [Element] {
        if Element.self == UInt8.self {
            guard type == .bytea else { throw .wrongType(type) }
            guard let bytes = ByteaText.decode(text) else { throw .malformed(text, expected: "bytea in hex format") }
            return bytes as! [Element]
        }
        guard let elementType = type.elementType else { throw .wrongType(type) }
        guard let items = SQLArrayText.decode(text) else {
            throw .malformed(text, expected: "a one-dimensional array literal")
        }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            do throws(SQLDecodingFailure) {
                if let item { result.append(try Element.decode(sqlText: item, type: elementType)) }
                else { result.append(try Element.decodeNull(type: elementType)) }
            } catch {
                throw SQLDecodingFailure("element \(index + 1): \(error.reason)")
            }
        }
        return result
    }
}

/// The text form of one-dimensional arrays: `{1,2,NULL}`, `{"a b","say \"hi\""}`.
enum SQLArrayText {
    static func encode(_ items: [String?]) -> String {
        var bytes: [UInt8] = []
        append(items, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the literal of `items` to `bytes`, each element quoted. Byte by byte: `"` and `\`
    /// are ASCII and never part of a multi-byte UTF-8 sequence.
    static func append(_ items: [String?], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let item else { bytes.append(contentsOf: "NULL".utf8); continue }
            bytes.append(UInt8(ascii: "\""))
            for byte in item.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// The elements (nil for NULL), or nil when the text is not a one-dimensional array.
    static func decode(_ text: String) -> [String?]? {
        var bytes = Array(text.utf8)[...]
        // A lower bound other than 1 is written as `[0:2]={…}`.
        if bytes.first == UInt8(ascii: "[") {
            guard let eq = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            bytes = bytes[(eq + 1)...]
        }
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return nil }
        bytes = bytes.dropFirst().dropLast()
        var items: [String?] = []
        if bytes.allSatisfy({ $0 == 32 }) { return items }
        var i = bytes.startIndex
        while true {
            while i < bytes.endIndex, bytes[i] == 32 { i += 1 }
            var item: [UInt8] = []
            var quoted = false
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: "{") { return nil }
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: "\"") {
                quoted = true
                i += 1
                while i < bytes.endIndex, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1; guard i < bytes.endIndex else { return nil } }
                    item.append(bytes[i])
                    i += 1
                }
                guard i < bytes.endIndex else { return nil }
                i += 1
                while i < bytes.endIndex, bytes[i] == 32 { i += 1 }
            } else {
                while i < bytes.endIndex, bytes[i] != UInt8(ascii: ",") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1; guard i < bytes.endIndex else { return nil } }
                    item.append(bytes[i])
                    i += 1
                }
                while item.last == 32 { item.removeLast() }
            }
            let string = String(decoding: item, as: UTF8.self)
            items.append(!quoted && string.uppercased() == "NULL" ? nil : string)
            if i >= bytes.endIndex { return items }
            guard bytes[i] == UInt8(ascii: ",") else { return nil }
            i += 1
        }
    }
}

/// `bytea` in PostgreSQL's hex text format: `\x0aff…`.
enum ByteaText {
    private static let hex = Array("0123456789abcdef".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        out.reserveCapacity(2 + bytes.count * 2)
        for b in bytes {
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"), utf8.count % 2 == 0 else {
            return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity((utf8.count - 2) / 2)
        var i = 2
        while i < utf8.count {
            guard let hi = nibble(utf8[i]), let lo = nibble(utf8[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 97...102: c - 87
        case 65...70: c - 55
        default: nil
        }
    }
}
