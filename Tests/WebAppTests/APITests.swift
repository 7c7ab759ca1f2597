import Database
import Hummingbird
import HummingbirdTesting
import Store
import Testing
import WebApp

@Suite("JSON API /api/v1")
struct APITests {
    static func token(_ pool: DatabasePool, _ userID: Int64) async throws -> HTTPFields {
        let secret = SecureToken.make()
        _ = try await APITokenStore(pool: pool).create(userID: userID, name: "sis", secret: secret)
        return [.authorization: "Bearer \(secret)", .contentType: "application/json"]
    }

    @Test func counselorTokenSeesAndChangesOnlyItsSchool() async throws {
        try await WebFixture.with { seed, pool, client in
            let headers = try await Self.token(pool, seed.userIDs["counselor"]!)
            let list = String(buffer: try await client.execute(uri: "/api/v1/students", method: .get, headers: headers).body)
            #expect(list.contains("\"Pena\""))
            #expect(!list.contains("Lopez"))
            let other = try await client.execute(uri: "/api/v1/students/\(seed.portalesStudent)/choices", method: .put, headers: headers,
                                                 body: ByteBuffer(string: "{\"slotIds\": [\(seed.clovisSlots[0])]}"))
            #expect(other.status == .notFound)
            let mine = seed.clovisStudents[0]
            let put = try await client.execute(uri: "/api/v1/students/\(mine)/choices", method: .put, headers: headers,
                                               body: ByteBuffer(string: "{\"slotIds\": [\(seed.clovisSlots[1]), \(seed.clovisSlots[0])]}"))
            #expect(put.status == .ok)
            #expect(String(buffer: put.body).contains("\"rank\":2"))
            let rows = try await pool.query("SELECT slot_id FROM choices WHERE student_id = $1 ORDER BY rank", [mine])
            #expect(try rows.map { try $0.decode("slot_id", as: Int64.self) } == [seed.clovisSlots[1], seed.clovisSlots[0]])
        }
    }

    @Test func badListsNameTheJSONPathAndChangeNothing() async throws {
        try await WebFixture.with { seed, pool, client in
            let headers = try await Self.token(pool, seed.userIDs["counselor"]!)
            let mine = seed.clovisStudents[0]
            let dup = try await client.execute(uri: "/api/v1/students/\(mine)/choices", method: .put, headers: headers,
                                               body: ByteBuffer(string: "{\"slotIds\": [\(seed.clovisSlots[0]), \(seed.clovisSlots[0])]}"))
            #expect(dup.status == .unprocessableContent)
            #expect(String(buffer: dup.body).contains("$.slotIds[1]"))
            let tooMany = try await client.execute(uri: "/api/v1/students/\(mine)/choices", method: .put, headers: headers,
                                                   body: ByteBuffer(string: "{\"slotIds\": [\((seed.clovisSlots + [seed.portalesSlot]).map(String.init).joined(separator: ","))]}"))
            #expect(tooMany.status == .unprocessableContent)
            let malformed = try await client.execute(uri: "/api/v1/students/\(mine)/choices", method: .put, headers: headers,
                                                     body: ByteBuffer(string: "{\"slotIds\": [\"x\"]}"))
            #expect(malformed.status == .badRequest)
            #expect(String(buffer: malformed.body).contains("$.slotIds[0]"))
            let rows = try await pool.query("SELECT count(*)::int8 AS n FROM choices")
            #expect(try rows[0].decode("n", as: Int64.self) == 0)
        }
    }

    @Test func rolesWithoutStudentsAreRefused() async throws {
        try await WebFixture.with { seed, pool, client in
            for role in ["edc_staff", "case_worker", "employer"] {
                let headers = try await Self.token(pool, seed.userIDs[role]!)
                #expect(try await client.execute(uri: "/api/v1/students", method: .get, headers: headers).status == .forbidden, "\(role)")
            }
            let edc = try await Self.token(pool, seed.userIDs["edc_staff"]!)
            let slots = String(buffer: try await client.execute(uri: "/api/v1/slots", method: .get, headers: edc).body)
            #expect(slots.contains("Dairy herd assistant"))
            #expect(!slots.contains("Welding shop intern"))
        }
    }
}
