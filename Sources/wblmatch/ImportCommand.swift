import ArgumentParser
import Database
import Foundation
import Intake
import Store

/// `wblmatch import`: Import a CSV file of employers, slots, students, choices, referrals or rankings.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file of employers, slots, students, choices, referrals or rankings.",
        discussion: """
            KIND is one of \(IntakeKind.allCases.map(\.rawValue).joined(separator: ", ")). Every row is checked and every \
            problem reported (file:line:column: what and what to do); when any row is wrong nothing changes, otherwise \
            all rows apply in one transaction. Re-importing a file changes nothing. Choices and rankings replace each \
            student's (slot's) whole list. The acting user's role limits what they may import (docs/intake.md). \
            `wblmatch import KIND --columns` lists the columns of KIND. Reads DATABASE_URL.
            """)

    @Argument(help: "What the file holds: \(IntakeKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: String

    @Argument(help: "The CSV file (UTF-8, header row of column names).")
    var file: String?

    @Option(name: .customLong("as"), help: "Email of the user the import acts for (their role sets the scope).")
    var actingEmail: String?

    @Flag(help: "Import organizations or users into a database that has no user yet (the first users file must create a coordinator).")
    var bootstrap = false

    @Flag(help: "Check everything and print the counts, then roll back.")
    var dryRun = false

    @Option(help: "Round of choices and rankings, by name (default: the most recent open round).")
    var round: String?

    @Option(help: "Largest file accepted, in bytes.")
    var maxBytes: Int = CSVReader.defaultMaxBytes

    @Flag(help: "Print the columns of KIND and exit.")
    var columns = false

    func run() async throws {
        guard let kind = IntakeKind(rawValue: kind.lowercased()) else {
            throw ValidationError("\"\(self.kind)\" is not a kind of import (use one of \(IntakeKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if columns {
            for column in kind.columns {
                print("\(column.name)\(column.required ? " (required)" : ""): \(column.type.summary). \(column.doc)")
            }
            return
        }
        guard let file else { throw ValidationError("give the CSV file to import: wblmatch import \(kind.rawValue) FILE --as EMAIL") }
        guard actingEmail != nil || bootstrap else { throw ValidationError("give the user the import acts for: --as EMAIL") }
        let config = try AppConfig()
        let fileName = (file as NSString).lastPathComponent
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw ValidationError("cannot read \(file): no such file or no permission")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        if size > maxBytes {
            throw ValidationError("\(fileName): the file is \(size) bytes, over the limit of \(maxBytes) bytes (split it into smaller files)")
        }
        let bytes = [UInt8](handle.readDataToEndOfFile())
        try? handle.close()

        let pool = DatabasePool(url: config.databaseURL, size: 2)
        do {
            let start = ContinuousClock.now
            let table = try CSVReader(maxBytes: maxBytes).read(bytes, fileName: fileName)
            let users = UserRepository(pool: pool)
            let user = if let actingEmail { try await users.actingUser(email: actingEmail) } else { try await users.bootstrapUser(kind: kind) }
            let counts = try await IntakeImporter(pool: pool).run(table, kind: kind, as: user, options: ImportOptions(round: round, dryRun: dryRun))
            await pool.close()
            let unit = kind == .choices ? " student lists" : kind == .rankings ? " slot rankings" : ""
            let elapsed = ContinuousClock.now - start
            print("\(fileName): \(table.rows.count) rows: \(counts.created)\(unit) created, \(counts.updated) updated, \(counts.unchanged) unchanged\(dryRun ? " (dry run: nothing saved)" : "") in \(Self.text(of: elapsed))")
        } catch let problems as IntakeProblems {
            await pool.close()
            FileHandle.standardError.write(Data((problems.description + "\n").utf8))
            FileHandle.standardError.write(Data("\(fileName): \(problems.problems.count) problem\(problems.problems.count == 1 ? "" : "s"); nothing was imported\n".utf8))
            throw ExitCode(1)
        } catch {
            await pool.close()
            throw error
        }
    }

    /// `1s 154ms`, `2s`, `934ms`: what Foundation's narrow units style writes, without the 75 ms its
    /// first use spends loading locale data.
    static func text(of elapsed: Duration) -> String {
        let milliseconds = elapsed.milliseconds
        let (seconds, rest) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        return seconds == 0 ? "\(rest)ms" : rest == 0 ? "\(seconds)s" : "\(seconds)s \(rest)ms"
    }
}
