import ArgumentParser
import Database
import Foundation
import Intake
import Store

/// `wblmatch export`: Write stored data as CSV in the import formats.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write employers, slots, students, choices, referrals or rankings as CSV (the import formats).",
        discussion: """
            The output imports back unchanged. Only what the --as user may see is written (their school, EDC or \
            referrals). Cells starting with =, +, -, @, tab or CR get a leading ' against spreadsheet formula \
            injection (import removes it). Reads DATABASE_URL.
            """)

    @Argument(help: "What to export: \(IntakeKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: String

    @Option(name: .customLong("as"), help: "Email of the user the export acts for.")
    var actingEmail: String

    @Option(help: "Round of choices and rankings, by name (default: the most recent open round).")
    var round: String?

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    func run() async throws {
        guard let kind = IntakeKind(rawValue: kind.lowercased()) else {
            throw ValidationError("\"\(self.kind)\" is not a kind (use one of \(IntakeKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let config = try AppConfig()
        let pool = DatabasePool(url: config.databaseURL, size: 1)
        do {
            let user = try await UserRepository(pool: pool).actingUser(email: actingEmail)
            let csv = try await IntakeExporter(pool: pool).csv(kind, as: user, round: round)
            await pool.close()
            if let out { try Data(csv.utf8).write(to: URL(fileURLWithPath: out)) } else { print(csv, terminator: "") }
        } catch let problems as IntakeProblems {
            await pool.close()
            FileHandle.standardError.write(Data((problems.description + "\n").utf8))
            throw ExitCode(1)
        } catch {
            await pool.close()
            throw error
        }
    }
}
