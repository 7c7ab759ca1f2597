import ArgumentParser
import Database
import Foundation
import MatchRuns
import Reports

/// `wblmatch match`: run, show and publish match runs.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", abstract: "Run, show and publish match runs.",
        subcommands: [MatchRunCommand.self, MatchShowCommand.self, MatchPublishCommand.self])
}

/// Options every `match` subcommand shares.
struct MatchOptions: ParsableArguments {
    @Option(name: .long, help: "The round (default: the newest open round).")
    var round: Int64?
}

extension RunKind: ExpressibleByArgument {}

/// `wblmatch match run [--dry-run] [--kind preview|manual|final] [--round ID] [--seed N] [--enqueue]`.
struct MatchRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the match now and print its summary as JSON.",
        discussion: """
            Reads every input in one snapshot, checks eligibility, matches, verifies, and writes the run, its
            assignments, explanations and emails in one transaction. --dry-run writes nothing. --enqueue puts a
            match.run job on the queue for a worker instead of running here. A verifier failure exits 1.
            """)

    @OptionGroup var options: MatchOptions
    @Option(name: .long, help: "preview, manual (default) or final (publishes and freezes the round).")
    var kind: RunKind = .manual
    @Option(name: .long, help: "The lottery seed (default: drawn at random and recorded).")
    var seed: UInt64?
    @Flag(name: .long, help: "Compute and print the summary; write nothing.")
    var dryRun = false
    @Flag(name: .long, help: "Enqueue a match.run job for a worker instead of running here.")
    var enqueue = false

    func run() async throws {
        let config = try AppConfig()
        let args = MatchRunArgs(kind: kind, roundID: options.round, seed: seed)
        let pool = DatabasePool(url: config.databaseURL, size: 2)
        defer { Task { await pool.close() } }
        if enqueue {
            let queued = try await MatchRunJobs.enqueue(args, pool: pool)
            // A final run already queued for the round is not queued twice: its job is named.
            print("{\"job_id\": \(queued.id), \"inserted\": \(queued.inserted)}")
            return
        }
        var pipeline = try await MatchRunSetup.pipeline(config: config, pool: pool)
        pipeline.progress = { FileHandle.standardError.write(Data("match run: \($0)\n".utf8)) }
        do {
            let summary = dryRun ? try await pipeline.dryRun(args) : try await pipeline.run(args)
            print(try MatchRunSetup.json(summary))
            if !summary.verified { throw ExitCode(1) }
        } catch let failed as RunFailed {
            FileHandle.standardError.write(Data("match run: \(failed)\n".utf8))
            throw ExitCode(1)
        } catch let error as RunError {
            FileHandle.standardError.write(Data("match run: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// `wblmatch match show RUN [--student ID] [--juvenile]`.
struct MatchShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a run's summary, or one student's result with explanations.")

    @Argument(help: "The run id.")
    var run: Int64
    @Option(name: .long, help: "A student id: print her result and why she did not get each choice above it.")
    var student: Int64?
    @Flag(name: .long, help: "Show juvenile-services wording (court restrictions, approval status) in full.")
    var juvenile = false

    func run() async throws {
        let config = try AppConfig()
        let pool = DatabasePool(url: config.databaseURL, size: 1)
        defer { Task { await pool.close() } }
        let reader = MatchRunReader(pool: pool)
        do {
            if let student {
                let result = try await reader.student(runID: run, studentID: student, juvenileEntitled: juvenile)
                print(MatchRunSetup.describe(result))
            } else {
                print(try MatchRunSetup.json(try await reader.summary(runID: run)))
            }
        } catch let error as RunError {
            FileHandle.standardError.write(Data("match show: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// `wblmatch match publish --yes [--round ID] [--seed N]`: the final run.
struct MatchPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Run and publish the final match: the round's choices and rankings freeze.",
        discussion: "A round has one final run; publishing again is refused. Same as `match run --kind final`. Publishing creates the placements and queues the guardians' placement and second-round notices in the same transaction.")

    @OptionGroup var options: MatchOptions
    @Option(name: .long, help: "The lottery seed (default: drawn at random and recorded).")
    var seed: UInt64?
    @Flag(name: .long, help: "Confirm: the round becomes final and cannot be run again.")
    var yes = false

    func run() async throws {
        guard yes else { throw ValidationError("publishing freezes the round for good: add --yes to confirm") }
        var command = MatchRunCommand()
        command.options = options
        command.kind = .final
        command.seed = seed
        try await command.run()
    }
}
