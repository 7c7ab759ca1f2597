import Database
import ArgumentParser
import Foundation
import MatchingEngine

/// `wblmatch solve`: computes a stable matching from a JSON instance file (format in docs/engine.md).
///
/// Bad input exits 2 with one line per problem on stderr (`positions[3].ranking[1][0]: unknown student "s9"`)
/// and nothing on stdout. A matching that fails verification is still written, with `"verified": false`,
/// and the command exits 1.
struct SolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Compute a stable matching from a JSON instance file.",
        discussion: "Reads {seed, students, positions, infeasible}; writes assignments, unmatched, cutoffs, verified, stats."
    )

    @Option(name: .long, help: "The instance JSON file, or - for standard input.")
    var input: String

    @Option(name: .long, help: "Write the result here instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Which side proposes: students (student-optimal) or positions (position-optimal).")
    var proposing: Proposing = .students

    @Flag(name: .long, help: "Explain, for every student, each choice ranked above her result.")
    var explain = false

    @Flag(name: .long, help: "Print the time of each phase (read, solve, verify, write) on standard error.")
    var timings = false

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let data: Data
        do {
            data = input == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: input))
        } catch {
            FileHandle.standardError.write(Data("\(input): cannot read the instance: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        let source = input == "-" ? "stdin" : input
        let parsed: Result<Instance, InstanceError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return Result { () throws(InstanceError) -> Instance in try InstanceJSONReader.read(bytes, source: source) }
        }
        let instance: Instance
        switch parsed {
        case let .success(value): instance = value
        case let .failure(error):
            FileHandle.standardError.write(Data((error.problems.map(\.description).joined(separator: "\n") + "\n").utf8))
            throw ExitCode(2)
        }
        let read = clock.now
        let solution = solve(instance, proposing: proposing)
        let solved = clock.now
        let verification = solution.verify()
        let verified = clock.now
        let seconds = Self.seconds(solved - read)
        let bytes = SolutionJSONWriter.write(solution, verification: verification, solveSeconds: seconds, explain: explain)
        if let output {
            try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
        let written = clock.now
        if timings {
            let line = String(
                format: "timings: read %.3f s, solve %.3f s, verify %.3f s, write %.3f s, total %.3f s\n",
                Self.seconds(read - started), seconds, Self.seconds(verified - solved),
                Self.seconds(written - verified), Self.seconds(written - started))
            FileHandle.standardError.write(Data(line.utf8))
        }
        if !verification.isStable {
            let lines = verification.violations.map { "verification failed: \($0)" }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            throw ExitCode(1)
        }
    }

    static func seconds(_ d: Duration) -> Double { d.seconds }
}

extension Proposing: ExpressibleByArgument {}
