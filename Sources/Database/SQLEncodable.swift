/// A Swift value that can be bound to a `$n` parameter.
///
/// Values travel in PostgreSQL's text format, tagged with their type so the server needs no guess:
/// `Int` as `bigint`, `Date` as `timestamptz`, `[String]` as `text[]`, `nil` as a typed NULL.
/// `String` is sent untyped so it fits `text`, `varchar` and enumerations alike.
public protocol SQLEncodable: Sendable {
    /// The type the parameter is declared as (`.unspecified` lets the server infer it).
    static var sqlType: SQLType { get }
    /// The value in PostgreSQL's text format, or nil for NULL.
    var sqlText: String? { get }
    /// The parameter as sent; the default sends `sqlText` as text with `sqlType`.
    var sqlBind: SQLBind { get }
}

extension SQLEncodable {
    public var sqlBind: SQLBind {
        SQLBind(type: Self.sqlType, bytes: sqlText.map { Array($0.utf8) }, isBinary: false)
    }
}

/// One parameter as it goes to libpq: its type, its bytes (nil for NULL) and whether they are binary.
public struct SQLBind: Sendable {
    /// The declared type of the parameter.
    public var type: SQLType
    /// The value's bytes (text format unless `isBinary`), or nil for NULL.
    public var bytes: [UInt8]?
    /// Whether `bytes` are PostgreSQL's binary format.
    public var isBinary: Bool

    /// Makes a parameter.
    public init(type: SQLType, bytes: [UInt8]?, isBinary: Bool) {
        self.type = type
        self.bytes = bytes
        self.isBinary = isBinary
    }
}

/// A NULL of no particular type, for `[SQLNull()]` where a typed `String?.none` would be awkward.
public struct SQLNull: SQLEncodable {
    /// Makes a NULL.
    public init() {}
    public static var sqlType: SQLType { .unspecified }
    public var sqlText: String? { nil }
}

extension Optional: SQLEncodable where Wrapped: SQLEncodable {
    public static var sqlType: SQLType { Wrapped.sqlType }
    public var sqlText: String? { self?.sqlText }
    public var sqlBind: SQLBind {
        switch self {
        case .some(let value): value.sqlBind
        case .none: SQLBind(type: Wrapped.sqlType, bytes: nil, isBinary: false)
        }
    }
}
