import Database
import Store
import TestSupport
import Testing
import WebApp

/// The session and its signed-in user's account are read in one query; the account is never stored.
@Suite("Session read with its account")
struct SessionAccountTests {
    @Test func aSessionNamingAUserCarriesHerAccountWhichIsNeverStored() async throws {
        try await TestDatabase.with { db in
            let org = try await db.pool.query("INSERT INTO organizations (code, kind, name) VALUES ('region1', 'consortium', 'Region I') RETURNING id")[0]
                .decode("id", as: Int64.self)
            let user = try await db.pool.query("""
                INSERT INTO users (email, name, role, organization_id, can_view_juvenile) VALUES ('cora@r1.example', 'Cora', 'coordinator', $1, true) RETURNING id
                """, [org])[0].decode("id", as: Int64.self)
            let driver = PostgresPersistDriver(records: SessionRecordStore(pool: db.pool))
            try await driver.create(key: "hbs.s", value: WebSession(userID: user), expires: .seconds(60))
            var loaded = try #require(try await driver.get(key: "hbs.s", as: WebSession.self))
            let account = try #require(loaded.account)
            #expect(account.id == user && account.email == "cora@r1.example" && account.role == .coordinator)
            #expect(account.canViewJuvenile && !account.disabled)

            // Saving the loaded session back stores the session's own fields only.
            loaded.flash = "Saved."
            try await driver.set(key: "hbs.s", value: loaded, expires: nil)
            let stored = try await db.pool.query("SELECT value::text AS v FROM web_sessions WHERE key = 'hbs.s'")[0].decode("v", as: String.self)
            #expect(!stored.contains("_account") && !stored.contains("cora@"), "\(stored)")

            // A change to the user shows on the next read (nothing cached), and an unknown user reads as none.
            try await db.pool.execute("UPDATE users SET disabled = true WHERE id = $1", [user])
            #expect(try await driver.get(key: "hbs.s", as: WebSession.self)?.account?.disabled == true)
            try await driver.create(key: "hbs.t", value: WebSession(userID: user + 1000), expires: .seconds(60))
            let orphan = try #require(try await driver.get(key: "hbs.t", as: WebSession.self))
            #expect(orphan.account == nil && orphan.userID == user + 1000)
        }
    }
}
