import Database
import Foundation
import Testing
import TestSupport

@Suite struct DecodingErrorTests {
    @Test func wrongTypeNamesColumnAndBothTypes() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let rows = try await db.pool.query("SELECT 'Peña'::text AS last_name, now() AS created_at")
            let error = try #require(throws: DatabaseError.self) { try rows[0].decode("last_name", as: Int.self) }
            #expect(error.kind == .decoding)
            #expect(error.message.contains("\"last_name\""))
            #expect(error.message.contains("text"))
            #expect(error.message.contains("Int"))
            let dateError = try #require(throws: DatabaseError.self) { try rows[0].decode("created_at", as: CalendarDate.self) }
            #expect(dateError.message.contains("\"created_at\"") && dateError.message.contains("timestamptz") && dateError.message.contains("CalendarDate"))
        }
    }

    @Test func nullIntoNonOptionalSaysSo() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let rows = try await db.pool.query("SELECT NULL::int AS grade")
            let error = try #require(throws: DatabaseError.self) { try rows[0].decode("grade", as: Int.self) }
            #expect(error.message.contains("\"grade\"") && error.message.contains("NULL") && error.message.contains("Int?"))
        }
    }

    @Test func outOfRangeAndMissingColumn() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let rows = try await db.pool.query("SELECT 70000::int AS big")
            let error = try #require(throws: DatabaseError.self) { try rows[0].decode("big", as: Int16.self) }
            #expect(error.message.contains("Int16") && error.message.contains("70000"))
            let missing = try #require(throws: DatabaseError.self) { try rows[0].decode("nope", as: Int.self) }
            #expect(missing.message.contains("nope") && missing.message.contains("big"))
        }
    }
}
