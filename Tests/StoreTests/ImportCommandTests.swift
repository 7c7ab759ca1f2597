import Foundation
import Intake
import Store
import Testing
import TestSupport

/// `wblmatch import`, the real binary against a test database: what it prints for a good file,
/// the same file again and a dry run, and for a wrong file (exit 1, every problem, nothing changed).
@Suite struct ImportCommandTests {
    /// Runs `wblmatch ARGS` against `f`'s database; returns its exit status, stdout and stderr.
    static func wblmatch(_ f: IntakeFixture, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try WBLMatchBinary.run(arguments, databaseURL: f.db.url)
    }

    /// Writes `text` to a new file named `name` in a fresh temporary directory; returns its path.
    static func file(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wblmatch-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func itPrintsTheCountsAndRefusesAWrongFileWholly() async throws {
        try await IntakeFixture.with(loadAll: false) { f in
            let csv = f.data.csv(.students)
            let rows = csv.split(separator: "\n").count - 1
            let good = try Self.file("students.csv", csv)
            let counts = #/^students\.csv: (\d+) rows: (\d+) created, (\d+) updated, (\d+) unchanged( \(dry run: nothing saved\))? in (\d+s )?\d+ms\n$/#

            let dry = try Self.wblmatch(f, ["import", "students", good, "--as", IntakeFixture.coordinator, "--dry-run"])
            #expect(dry.status == 0, "\(dry.err)")
            let dryLine = try #require(dry.out.wholeMatch(of: counts), "\(dry.out)")
            #expect(dryLine.output.1 == "\(rows)" && dryLine.output.2 == "\(rows)" && dryLine.output.5 != nil)
            #expect(try await f.count("SELECT count(*)::int FROM students") == 0, "a dry run saves nothing")

            let first = try Self.wblmatch(f, ["import", "students", good, "--as", IntakeFixture.coordinator])
            #expect(first.status == 0, "\(first.err)")
            let firstLine = try #require(first.out.wholeMatch(of: counts), "\(first.out)")
            #expect(firstLine.output.2 == "\(rows)" && firstLine.output.3 == "0" && firstLine.output.4 == "0" && firstLine.output.5 == nil)
            #expect(try await f.count("SELECT count(*)::int FROM students") == rows)

            let again = try Self.wblmatch(f, ["import", "students", good, "--as", IntakeFixture.coordinator])
            let againLine = try #require(again.out.wholeMatch(of: counts), "\(again.out)")
            #expect(againLine.output.2 == "0" && againLine.output.3 == "0" && againLine.output.4 == "\(rows)")

            // Two wrong rows: both named, with file, line and column; nothing changes.
            var lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            let birth = try #require(header.firstIndex(of: "birth_date")), school = try #require(header.firstIndex(of: "school"))
            func replace(_ line: Int, _ column: Int, _ value: String) {
                var fields = lines[line - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[column] = value
                lines[line - 1] = fields.joined(separator: ",")
            }
            replace(3, birth, "2009-02-30")
            replace(5, school, "nowhere-hs")
            let before = try await f.snapshot()
            let wrong = try Self.wblmatch(f, ["import", "students", try Self.file("bad.csv", lines.joined(separator: "\n")),
                                              "--as", IntakeFixture.coordinator])
            #expect(wrong.status == 1)
            #expect(wrong.out.isEmpty)
            #expect(wrong.err == """
                bad.csv:3:birth_date: "2009-02-30" is not a date (use YYYY-MM-DD)
                bad.csv: 1 problem; nothing was imported

                """, "a row's own problems first; the schools are checked once the rows pass")
            replace(3, birth, "2010-02-28")
            let schools = try Self.wblmatch(f, ["import", "students", try Self.file("bad.csv", lines.joined(separator: "\n")),
                                                "--as", IntakeFixture.coordinator])
            #expect(schools.status == 1)
            #expect(schools.err == """
                bad.csv:5:school: "nowhere-hs" is not the code of a school
                bad.csv: 1 problem; nothing was imported

                """)
            #expect(try await f.snapshot() == before, "the wrong files changed nothing")
        }
    }
}
