import Database
import Hummingbird
import Store
import TestSupport
import Testing
import WebApp

/// The PostgreSQL `PersistDriver` keeps the contract `SessionMiddleware` relies on.
@Suite("Sessions in PostgreSQL")
struct PersistDriverTests {
    @Test func contract() async throws {
        try await TestDatabase.with { db in
            let driver = PostgresPersistDriver(records: SessionRecordStore(pool: db.pool))
            let session = WebSession(userID: 7)
            try await driver.create(key: "hbs.a", value: session, expires: .seconds(60))
            await #expect(throws: PersistError.duplicate) {
                try await driver.create(key: "hbs.a", value: session, expires: .seconds(60))
            }
            let (loaded, ttl) = try #require(try await driver.getWithTTL(key: "hbs.a", as: WebSession.self))
            #expect(loaded == session)
            #expect(ttl! > .seconds(50) && ttl! <= .seconds(60))
            // set without an expiry keeps the old one
            var changed = session
            changed.flash = "Saved: \"Ana\" — 3 choices.\n"
            try await driver.set(key: "hbs.a", value: changed, expires: nil)
            let (again, ttl2) = try #require(try await driver.getWithTTL(key: "hbs.a", as: WebSession.self))
            #expect(again.flash == "Saved: \"Ana\" — 3 choices.\n", "read back from the JSON's columns, unescaped")
            #expect(ttl2! > .seconds(50) && ttl2! <= .seconds(60))
            // a value of another shape is an invalid conversion
            struct Other: Codable, Sendable { var n: Int }
            await #expect(throws: PersistError.invalidConversion) {
                _ = try await driver.get(key: "hbs.a", as: Other.self)
            }
            // a session whose userID is not a whole number is not a session either
            _ = try await db.pool.execute("INSERT INTO web_sessions (key, value, expires_at) VALUES ('hbs.b', $1::jsonb, now() + interval '1 minute')",
                                          [#"{"userID": "seven", "csrfToken": "t"}"#])
            await #expect(throws: PersistError.invalidConversion) {
                _ = try await driver.get(key: "hbs.b", as: WebSession.self)
            }
            try await driver.remove(key: "hbs.a")
            #expect(try await driver.get(key: "hbs.a", as: WebSession.self) == nil)
            // expired sessions are not returned
            try await driver.set(key: "hbs.old", value: session, expires: .seconds(-1))
            #expect(try await driver.get(key: "hbs.old", as: WebSession.self) == nil)
        }
    }
}
