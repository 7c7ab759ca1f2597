import Database
import Foundation
import Testing
import TestSupport

/// Every supported type, written through a parameter into a typed column and read back.
@Suite struct TypeRoundTripTests {
    static let createTable = """
        CREATE TABLE everything (
            id serial PRIMARY KEY,
            i8 bigint, i4 integer, i2 smallint, f8 double precision, b boolean, t text, vc varchar(80),
            n numeric, ts timestamptz, d date, tm time, u uuid, j jsonb, by bytea,
            ai8 bigint[], ai4 integer[], ai2 smallint[], af8 double precision[], ab boolean[], at text[],
            an numeric[], ats timestamptz[], ad date[], atm time[], au uuid[]
        )
        """
    static let insert = """
        INSERT INTO everything (i8, i4, i2, f8, b, t, vc, n, ts, d, tm, u, j, by,
                                ai8, ai4, ai2, af8, ab, at, an, ats, ad, atm, au)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)
        RETURNING id
        """

    struct Document: Codable, Equatable, Sendable {
        var name: String
        var tags: [String]
        var nested: [String: Int]
    }

    struct Values: Sendable {
        var i8: Int, i4: Int32, i2: Int16, f8: Double, b: Bool, t: String, vc: String, n: Decimal
        var ts: Date, d: CalendarDate, tm: TimeOfDay, u: UUID, j: Document, by: [UInt8]
        var ai8: [Int], ai4: [Int32], ai2: [Int16], af8: [Double], ab: [Bool], at: [String], an: [Decimal]
        var ats: [Date], ad: [CalendarDate], atm: [TimeOfDay], au: [UUID]

        var binds: [any SQLEncodable] {
            [i8, i4, i2, f8, b, t, vc, n, ts, d, tm, u, JSONB(j), by, ai8, ai4, ai2, af8, ab, at, an, ats, ad, atm, au]
        }
    }

    /// A date at whole microseconds, as PostgreSQL keeps it.
    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: (seconds * 1_000_000).rounded() / 1_000_000) }

    static let ordinary = Values(
        i8: 9_007_199_254_740_993, i4: -42, i2: 7, f8: 3.141592653589793, b: true, t: "Peña", vc: "Nguyễn",
        n: Decimal(string: "12345678901234567890.123456789")!, ts: date(1_767_225_600.123456),
        d: CalendarDate(year: 2009, month: 4, day: 17), tm: TimeOfDay(hour: 15, minute: 30, second: 5, microsecond: 250_000),
        u: UUID(uuidString: "6F1C2B0E-8D5A-4C1E-9E7B-0A1B2C3D4E5F")!,
        j: Document(name: "Peña \"quoted\" \\ back", tags: ["a", "ñ"], nested: ["x": 1]),
        by: Array(0...255), ai8: [1, -2, Int.max], ai4: [Int32.min, 0], ai2: [1, 2, 3], af8: [0.5, -1e-300, 1e300],
        ab: [true, false], at: ["Peña", "a,b", "{x}", "say \"hi\"", "back\\slash", "NULL", " padded ", "tab\there\nnewline"],
        an: [Decimal(string: "-0.001")!, 100], ats: [date(-86_400.5), date(0)],
        ad: [CalendarDate(year: 2024, month: 2, day: 29), CalendarDate(year: 1900, month: 3, day: 1)],
        atm: [TimeOfDay(hour: 0, minute: 0), TimeOfDay(hour: 23, minute: 59, second: 59, microsecond: 999_999)],
        au: [UUID(), UUID()])

    static let edges = Values(
        i8: Int.min, i4: Int32.max, i2: Int16.min, f8: -0.5e-10, b: false, t: "", vc: "Robert'); DROP TABLE everything;--",
        n: Decimal(string: "-0.000000000000000001")!, ts: date(-2_208_988_800.000001),
        d: CalendarDate(year: 1, month: 1, day: 1), tm: TimeOfDay(hour: 0, minute: 0),
        u: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
        j: Document(name: "", tags: [], nested: [:]), by: [], ai8: [], ai4: [], ai2: [], af8: [], ab: [], at: [""],
        an: [], ats: [], ad: [], atm: [], au: [])

    @Test(arguments: [ordinary, edges])
    func valuesRoundTrip(_ values: Values) async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.execute(Self.createTable)
            let id = try await db.pool.query(Self.insert, values.binds)[0].decode("id", as: Int.self)
            let rows = try await db.pool.query("SELECT * FROM everything WHERE id = $1", [id])
            let row = try #require(rows.first)
            #expect(try row.decode("i8", as: Int.self) == values.i8)
            #expect(try row.decode("i8", as: Int64.self) == Int64(values.i8))
            #expect(try row.decode("i4", as: Int32.self) == values.i4)
            #expect(try row.decode("i2", as: Int16.self) == values.i2)
            #expect(try row.decode("f8", as: Double.self) == values.f8)
            #expect(try row.decode("b", as: Bool.self) == values.b)
            #expect(try row.decode("t", as: String.self) == values.t)
            #expect(try row.decode("vc", as: String.self) == values.vc)
            #expect(try row.decode("n", as: Decimal.self) == values.n)
            #expect(try row.decode("ts", as: Date.self) == values.ts)
            #expect(try row.decode("d", as: CalendarDate.self) == values.d)
            #expect(try row.decode("tm", as: TimeOfDay.self) == values.tm)
            #expect(try row.decode("u", as: UUID.self) == values.u)
            #expect(try row.decode("j", as: JSONB<Document>.self).value == values.j)
            #expect(try row.decode("by", as: [UInt8].self) == values.by)
            #expect(try row.decode("ai8", as: [Int].self) == values.ai8)
            #expect(try row.decode("ai4", as: [Int32].self) == values.ai4)
            #expect(try row.decode("ai2", as: [Int16].self) == values.ai2)
            #expect(try row.decode("af8", as: [Double].self) == values.af8)
            #expect(try row.decode("ab", as: [Bool].self) == values.ab)
            #expect(try row.decode("at", as: [String].self) == values.at)
            #expect(try row.decode("an", as: [Decimal].self) == values.an)
            #expect(try row.decode("ats", as: [Date].self) == values.ats)
            #expect(try row.decode("ad", as: [CalendarDate].self) == values.ad)
            #expect(try row.decode("atm", as: [TimeOfDay].self) == values.atm)
            #expect(try row.decode("au", as: [UUID].self) == values.au)
            // The injection string is data: the table is still there, with the string in it.
            let count = try await db.pool.query("SELECT count(*) AS n FROM everything WHERE vc = $1", [values.vc])
            #expect(try count[0].decode("n", as: Int.self) == 1)
        }
    }

    @Test func nullRoundTripsAsOptional() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.execute(Self.createTable)
            let nulls: [any SQLEncodable] = [
                Int?.none, Int32?.none, Int16?.none, Double?.none, Bool?.none, String?.none, String?.none,
                Decimal?.none, Date?.none, CalendarDate?.none, TimeOfDay?.none, UUID?.none, JSONValue?.none,
                [UInt8]?.none, [Int]?.none, [Int32]?.none, [Int16]?.none, [Double]?.none, [Bool]?.none,
                [String]?.none, [Decimal]?.none, [Date]?.none, [CalendarDate]?.none, [TimeOfDay]?.none, [UUID]?.none,
            ]
            let id = try await db.pool.query(Self.insert, nulls)[0].decode("id", as: Int.self)
            let row = try #require(try await db.pool.query("SELECT * FROM everything WHERE id = $1", [id]).first)
            #expect(try row.decode("i8", as: Int?.self) == nil)
            #expect(try row.decode("t", as: String?.self) == nil)
            #expect(try row.decode("n", as: Decimal?.self) == nil)
            #expect(try row.decode("ts", as: Date?.self) == nil)
            #expect(try row.decode("d", as: CalendarDate?.self) == nil)
            #expect(try row.decode("tm", as: TimeOfDay?.self) == nil)
            #expect(try row.decode("u", as: UUID?.self) == nil)
            #expect(try row.decode("j", as: JSONValue?.self) == nil)
            #expect(try row.decode("by", as: [UInt8]?.self) == nil)
            #expect(try row.decode("at", as: [String]?.self) == nil)
            #expect(row.isNull("ad"))
            // Present values read through Optional too.
            let some = try await db.pool.query("SELECT $1::int8 AS v", [Int?.some(5)])
            #expect(try some[0].decode("v", as: Int?.self) == 5)
        }
    }

    @Test func arraysWithNullElements() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let rows = try await db.pool.query("SELECT $1::text[] AS a, $2::int8[] AS b", [["x", nil, "NULL", ""] as [String?], [1, nil] as [Int?]])
            #expect(try rows[0].decode("a", as: [String?].self) == ["x", nil, "NULL", ""])
            #expect(try rows[0].decode("b", as: [Int?].self) == [1, nil])
            #expect(throws: DatabaseError.self) { try rows[0].decode("b", as: [Int].self) }
        }
    }

    @Test func jsonValueRoundTrip() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let value = JSONValue.object(["name": .string("Nguyễn"), "n": .number(2.5), "ok": .bool(true),
                                          "list": .array([.null, .string("")])])
            let rows = try await db.pool.query("SELECT $1::jsonb AS j, $1::jsonb -> 'name' AS name", [value])
            #expect(try rows[0].decode("j", as: JSONValue.self) == value)
            #expect(try rows[0].decode("name", as: JSONValue.self) == .string("Nguyễn"))
        }
    }

    @Test func specialDoubles() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let rows = try await db.pool.query("SELECT $1::float8 AS a, $2::float8 AS b, $3::float8 AS c",
                                               [Double.infinity, -Double.infinity, Double.nan])
            #expect(try rows[0].decode("a", as: Double.self) == .infinity)
            #expect(try rows[0].decode("b", as: Double.self) == -.infinity)
            #expect(try rows[0].decode("c", as: Double.self).isNaN)
        }
    }

    @Test func timestampsWithOtherSessionTimeZones() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.withConnection { conn in
                let instant = Self.date(1_700_000_000.654321)
                for zone in ["Asia/Kolkata", "America/Denver", "UTC", "Pacific/Chatham"] {
                    try await conn.execute("SELECT set_config('TimeZone', $1, false)", [zone])
                    let rows = try await conn.query("SELECT $1::timestamptz AS ts", [instant])
                    #expect(try rows[0].decode("ts", as: Date.self) == instant, "in \(zone)")
                }
            }
        }
    }
}
