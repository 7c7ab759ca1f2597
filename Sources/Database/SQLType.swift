/// A PostgreSQL type, by its OID. Values are sent to and read from the server in its text format,
/// and the type tells the server (or a decoder) how to read that text.
public struct SQLType: Hashable, Sendable, CustomStringConvertible {
    /// The type's object identifier in `pg_type`.
    public var oid: UInt32

    /// Makes a type from its OID.
    public init(oid: UInt32) { self.oid = oid }

    /// Lets the server infer the type from the statement (like an untyped literal).
    public static let unspecified = SQLType(oid: 0)
    public static let bool = SQLType(oid: 16)
    public static let bytea = SQLType(oid: 17)
    public static let name = SQLType(oid: 19)
    public static let int8 = SQLType(oid: 20)
    public static let int2 = SQLType(oid: 21)
    public static let int4 = SQLType(oid: 23)
    public static let text = SQLType(oid: 25)
    public static let oidType = SQLType(oid: 26)
    public static let json = SQLType(oid: 114)
    public static let float4 = SQLType(oid: 700)
    public static let float8 = SQLType(oid: 701)
    public static let unknown = SQLType(oid: 705)
    public static let bpchar = SQLType(oid: 1042)
    public static let varchar = SQLType(oid: 1043)
    public static let date = SQLType(oid: 1082)
    public static let time = SQLType(oid: 1083)
    public static let timestamp = SQLType(oid: 1114)
    public static let timestamptz = SQLType(oid: 1184)
    public static let interval = SQLType(oid: 1186)
    public static let numeric = SQLType(oid: 1700)
    public static let uuid = SQLType(oid: 2950)
    public static let jsonb = SQLType(oid: 3802)

    public static let boolArray = SQLType(oid: 1000)
    public static let byteaArray = SQLType(oid: 1001)
    public static let int2Array = SQLType(oid: 1005)
    public static let int4Array = SQLType(oid: 1007)
    public static let textArray = SQLType(oid: 1009)
    public static let bpcharArray = SQLType(oid: 1014)
    public static let varcharArray = SQLType(oid: 1015)
    public static let int8Array = SQLType(oid: 1016)
    public static let float4Array = SQLType(oid: 1021)
    public static let float8Array = SQLType(oid: 1022)
    public static let timestampArray = SQLType(oid: 1115)
    public static let dateArray = SQLType(oid: 1182)
    public static let timeArray = SQLType(oid: 1183)
    public static let timestamptzArray = SQLType(oid: 1185)
    public static let numericArray = SQLType(oid: 1231)
    public static let uuidArray = SQLType(oid: 2951)
    public static let jsonArray = SQLType(oid: 199)
    public static let jsonbArray = SQLType(oid: 3807)

    private static let names: [UInt32: String] = [
        0: "unspecified", 16: "boolean", 17: "bytea", 19: "name", 20: "bigint", 21: "smallint", 23: "integer",
        25: "text", 26: "oid", 114: "json", 700: "real", 701: "double precision", 705: "unknown",
        1042: "character", 1043: "character varying", 1082: "date", 1083: "time", 1114: "timestamp",
        1184: "timestamptz", 1186: "interval", 1700: "numeric", 2950: "uuid", 3802: "jsonb",
        1000: "boolean[]", 1001: "bytea[]", 1005: "smallint[]", 1007: "integer[]", 1009: "text[]",
        1014: "character[]", 1015: "character varying[]", 1016: "bigint[]", 1021: "real[]",
        1022: "double precision[]", 1115: "timestamp[]", 1182: "date[]", 1183: "time[]",
        1185: "timestamptz[]", 1231: "numeric[]", 2951: "uuid[]", 199: "json[]", 3807: "jsonb[]",
    ]

    private static let elements: [UInt32: UInt32] = [
        1000: 16, 1001: 17, 1005: 21, 1007: 23, 1009: 25, 1014: 1042, 1015: 1043, 1016: 20, 1021: 700,
        1022: 701, 1115: 1114, 1182: 1082, 1183: 1083, 1185: 1184, 1231: 1700, 2951: 2950, 199: 114, 3807: 3802,
    ]

    /// The element type when this is a known array type.
    public var elementType: SQLType? { Self.elements[oid].map(SQLType.init(oid:)) }

    /// PostgreSQL's name for the type (`timestamptz`, `integer[]`), or `oid N` for types this library does not know.
    public var description: String { Self.names[oid] ?? "oid \(oid)" }

    var isInteger: Bool { self == .int2 || self == .int4 || self == .int8 || self == .oidType }
    var isTextual: Bool { self == .text || self == .varchar || self == .bpchar || self == .name || self == .unknown }
}
