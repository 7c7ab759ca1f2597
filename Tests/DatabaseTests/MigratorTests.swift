import Database
import Foundation
import Migrations
import Testing
import TestSupport

@Suite struct MigratorTests {
    static let first = Migration(name: "0001_school.sql", sql: """
        CREATE TABLE school (id int PRIMARY KEY, name text NOT NULL);
        INSERT INTO school VALUES (1, 'Portales High');
        """)
    static let second = Migration(name: "0002_student.sql", sql: """
        CREATE TABLE student (id int PRIMARY KEY, school_id int NOT NULL REFERENCES school(id));
        """)
    static let slow = Migration(name: "0003_slow.sql", sql: """
        SELECT pg_sleep(0.3);
        CREATE TABLE slot (id int PRIMARY KEY);
        """)

    static func tables(_ pool: DatabasePool) async throws -> [String] {
        try await pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
            .map { try $0.decode("tablename") }
    }

    @Test func appliesInOrderOnceAndRecordsChecksums() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let migrator = Migrator(pool: db.pool, migrations: [Self.second, Self.first])
            #expect(try await migrator.status().map(\.state) == [.pending, .pending])
            #expect(try await migrator.migrate() == ["0001_school.sql", "0002_student.sql"])
            #expect(try await migrator.migrate() == [])
            #expect(try await Self.tables(db.pool) == ["schema_migrations", "school", "student"])
            let recorded = try await db.pool.query("SELECT name, checksum FROM schema_migrations ORDER BY name")
            #expect(try recorded.map { try $0.decode("checksum", as: String.self) } == [Self.first.checksum, Self.second.checksum])
            #expect(try await migrator.status().map(\.state) == [.applied, .applied])
            // A later binary adds a file: only that one runs.
            let later = Migrator(pool: db.pool, migrations: [Self.first, Self.second, Self.slow])
            #expect(try await later.migrate() == ["0003_slow.sql"])
            // An older binary sees the newer file as unknown and carries on.
            #expect(try await migrator.status().map(\.state) == [.applied, .applied, .unknown])
        }
    }

    @Test func refusesAnAppliedFileThatChanged() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await Migrator(pool: db.pool, migrations: [Self.first]).migrate()
            var edited = Self.first
            edited.sql += "\nALTER TABLE school ADD COLUMN county text;"
            let migrator = Migrator(pool: db.pool, migrations: [edited, Self.second])
            let error = try await #require(throws: DatabaseError.self) { try await migrator.migrate() }
            #expect(error.kind == .migration)
            #expect(error.message.contains("sql/0001_school.sql") && error.message.contains("changed"))
            #expect(error.hint?.contains("new file") == true)
            // Nothing ran: not the edit, not the pending file after it.
            #expect(try await Self.tables(db.pool) == ["schema_migrations", "school"])
            let status = try await migrator.status()
            #expect(status[0].state == .changed(recordedChecksum: Self.first.checksum))
            #expect(status[1].state == .pending)
        }
    }

    @Test func aFailingMigrationRollsBackAndNamesItsFile() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let broken = Migration(name: "0002_broken.sql", sql: "CREATE TABLE half (id int);\nCREATE TABLE oops (id nosuchtype);")
            let error = try await #require(throws: DatabaseError.self) {
                try await Migrator(pool: db.pool, migrations: [Self.first, broken]).migrate()
            }
            #expect(error.kind == .migration && error.message.contains("sql/0002_broken.sql") && error.sqlState == "42704")
            #expect(try await Self.tables(db.pool) == ["schema_migrations", "school"])
            #expect(try await Migrator(pool: db.pool, migrations: [Self.first, broken]).status().map(\.state) == [.applied, .pending])
        }
    }

    @Test func concurrentRunsApplyEachMigrationOnce() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let migrations = [Self.first, Self.second, Self.slow]
            // Separate pools: separate sessions, as two `wblmatch migrate` processes would have.
            let pools = (0..<4).map { _ in DatabasePool(url: db.url, size: 1) }
            let results = try await withThrowingTaskGroup(of: [String].self) { group in
                for pool in pools { group.addTask { try await Migrator(pool: pool, migrations: migrations).migrate() } }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            for pool in pools { await pool.close() }
            #expect(results.flatMap { $0 }.sorted() == migrations.map(\.name))
            #expect(results.filter { !$0.isEmpty }.count == 1, "one run applied everything, the others found nothing to do")
            let count = try await db.pool.query("SELECT count(*) AS n FROM schema_migrations")[0].decode("n", as: Int.self)
            #expect(count == 3)
        }
    }

    @Test func refusesDuplicateNumbers() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let twin = Migration(name: "0001_other.sql", sql: "SELECT 1;")
            let error = try await #require(throws: DatabaseError.self) {
                try await Migrator(pool: db.pool, migrations: [Self.first, twin]).migrate()
            }
            #expect(error.message.contains("0001_other.sql") && error.message.contains("0001_school.sql"))
        }
    }

    @Test func checksumIsSHA256() {
        #expect(Migration(name: "x", sql: "abc").checksum == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Migration(name: "x", sql: "").checksum == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = String(repeating: "a", count: 1_000)
        #expect(Migration(name: "x", sql: long).checksum == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    /// The binary carries exactly the files of sql/, byte for byte.
    @Test func embeddedMigrationsMatchTheSQLDirectory() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = root.appendingPathComponent("sql")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(EmbeddedMigrations.all.map(\.name) == names)
        for migration in EmbeddedMigrations.all {
            let text = try String(contentsOf: directory.appendingPathComponent(migration.name), encoding: .utf8)
            #expect(migration.sql == text, "sql/\(migration.name) differs from its embedded copy")
        }
    }

    @Test func theEmbeddedSchemaApplies() async throws {
        try await TestDatabase.with { db in
            let status = try await Migrator(pool: db.pool, migrations: EmbeddedMigrations.all).status()
            #expect(status.allSatisfy { $0.state == .applied })
            #expect(status.count == EmbeddedMigrations.all.count)
        }
    }
}
