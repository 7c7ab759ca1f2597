import ArgumentParser
import Database
import Foundation
import Migrations

/// `wblmatch migrate`: applies the pending migrations embedded in the binary; `--status` lists them.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the database migrations that are pending (--status lists them).",
        discussion: """
            The migrations (sql/NNNN_name.sql) are compiled into the binary. Each is applied in its own
            transaction and recorded with its checksum in schema_migrations; a file changed after it was
            applied is refused. Concurrent runs are safe. Reads DATABASE_URL.
            """)

    @Flag(name: .long, help: "List every migration and whether it is applied; apply nothing.")
    var status = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["DATABASE_URL"], !url.isEmpty else {
            throw ValidationError("DATABASE_URL is not set: give a libpq URI (postgresql://user@host:5432/wblmatch) or key=value string; `scripts/pg url` prints the development one")
        }
        let pool = DatabasePool(url: url, size: 1)
        let migrator = Migrator(pool: pool, migrations: EmbeddedMigrations.all)
        do {
            if status {
                let statuses = try await migrator.status()
                print(MigrateCommand.table(statuses))
                await pool.close()
                if statuses.contains(where: { if case .changed = $0.state { true } else { false } }) { throw ExitCode(1) }
            } else {
                let applied = try await migrator.migrate()
                await pool.close()
                if applied.isEmpty { print("migrate: up to date (\(EmbeddedMigrations.all.count) migrations)") }
                for name in applied { print("migrate: applied \(name)") }
            }
        } catch let error as DatabaseError {
            await pool.close()
            FileHandle.standardError.write(Data("migrate: \(error.message)\n".utf8))
            if let hint = error.hint { FileHandle.standardError.write(Data("hint: \(hint)\n".utf8)) }
            throw ExitCode(1)
        }
    }

    static func table(_ statuses: [MigrationStatus]) -> String {
        if statuses.isEmpty { return "no migrations" }
        return statuses.map { status in
            let state = switch status.state {
            case .applied: "applied"
            case .pending: "pending"
            case .changed: "CHANGED"
            case .unknown: "unknown"
            }
            let when = status.appliedAt ?? ""
            return "\(state.padding(toLength: 8, withPad: " ", startingAt: 0)) \(status.name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(when)"
        }.joined(separator: "\n")
    }
}
