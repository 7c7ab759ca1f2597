import ArgumentParser
import Foundation
import Intake

/// `wblmatch sample`: Write a realistic Region I sample data set as CSV files.
struct SampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a realistic Region I sample data set as CSV files.",
        discussion: """
            Writes organizations.csv, users.csv, rounds.csv, employers.csv, slots.csv, students.csv, choices.csv, \
            referrals.csv and rankings.csv into DIR: the same files for the same seed. Import them in that order as the \
            generated coordinator (scripts/demo does): the first two bootstrap the organizations and users.
            """)

    @Option(help: "How many students.") var students: Int = 2_000
    @Option(help: "Seed of every random draw.") var seed: UInt64 = 1
    @Option(help: "The round's max_choices.") var maxChoices: Int = 10
    @Option(help: "Directory to write the files into (created if needed).") var out: String = "sample"

    func validate() throws {
        guard students >= 0 else { throw ValidationError("--students must be 0 or more") }
        guard (1...100).contains(maxChoices) else { throw ValidationError("--max-choices must be 1–100") }
    }

    func run() async throws {
        let data = SampleDataGenerator(students: students, seed: seed, maxChoices: maxChoices).generate()
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for (kind, csv) in data.files {
            let path = (out as NSString).appendingPathComponent(kind.fileName)
            try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        }
        for (kind, rows) in data.counts {
            print("\(kind.fileName): \(rows) rows")
        }
        print("import them in this order as \(data.coordinatorEmail), e.g.:")
        for (kind, _) in data.files {
            print("  wblmatch import \(kind.rawValue) \((out as NSString).appendingPathComponent(kind.fileName)) --as \(data.coordinatorEmail)")
        }
    }
}
