import ArgumentParser
import Database
import Jobs
import Mail
import Logging
import Foundation
import ServiceLifecycle

/// `wblmatch worker`: Run a job worker (match runs, emails, maintenance).
///
/// One process runs the worker, the rescuer, the cleaner and the cron scheduler as services of one
/// ServiceGroup; SIGTERM or SIGINT stops it gracefully (see docs/jobs.md).
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Run a job worker (match runs, emails, maintenance).",
        discussion: "Stops on SIGTERM/SIGINT: no new jobs are claimed, running ones get --grace seconds to finish, the rest go back to the queue.")

    @Option(help: "Queues to take jobs from, comma-separated.")
    var queues: String = "default"

    @Option(help: "Jobs run at once.")
    var concurrency: Int = 16

    @Option(help: "Seconds between polls for due jobs when no notification comes.")
    var pollInterval: Double = 1

    @Option(help: "Seconds between heartbeats of running jobs.")
    var heartbeatInterval: Double = 5

    @Option(help: "Seconds without a heartbeat after which a running job is rescued from its dead worker.")
    var rescueAfter: Double = 60

    @Option(help: "Seconds running jobs get to finish after SIGTERM/SIGINT before they are released.")
    var grace: Double = 30

    @Flag(help: "Do not run the cron scheduler in this process.")
    var noScheduler = false

    @Flag(help: "Do not run the rescuer and the cleaner in this process.")
    var noMaintenance = false

    @Flag(help: .hidden)
    var testKinds = false

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1 (got \(concurrency))") }
        for (name, value) in [("--poll-interval", pollInterval), ("--heartbeat-interval", heartbeatInterval), ("--rescue-after", rescueAfter)] where value <= 0 {
            throw ValidationError("\(name) must be a positive number of seconds (got \(value))")
        }
        guard grace >= 0 else { throw ValidationError("--grace must be 0 or more seconds (got \(grace))") }
        guard rescueAfter > heartbeatInterval * 2 else {
            throw ValidationError("--rescue-after (\(rescueAfter)s) must be more than twice --heartbeat-interval (\(heartbeatInterval)s), or live jobs get rescued")
        }
        guard !queueNames.isEmpty else { throw ValidationError("--queues names no queue") }
    }

    var queueNames: [String] {
        queues.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        let config = try AppConfig()
        let logger = CommandLogging.bootstrap(level: config.logLevel, label: "wblmatch.worker")
        let pool = DatabasePool(url: config.databaseURL, size: concurrency + 4, logger: logger)

        var registry = JobRegistry()
        BuiltinJobKinds.register(into: &registry, testKinds: testKinds)
        // Modules that own job kinds register them here (e.g. MatchRuns: `match.run`, its nightly schedule).
        try await MatchRunSetup.register(into: &registry, config: config, pool: pool)
        // Mail: `mail.send` every minute delivers what runs and guardians' requests queued in the outbox.
        let transport = try MailTransports.make(environment: ProcessInfo.processInfo.environment, logger: logger)
        try MailJobs.register(in: &registry, sender: OutboxSender(pool: pool, transport: transport),
                              timeZone: config.timeZone.identifier)

        var workerConfiguration = JobWorkerConfiguration()
        workerConfiguration.queues = queueNames
        workerConfiguration.concurrency = concurrency
        workerConfiguration.pollInterval = .seconds(pollInterval)
        workerConfiguration.heartbeatInterval = .seconds(heartbeatInterval)
        workerConfiguration.shutdownGracePeriod = .seconds(grace)
        let worker = JobWorker(pool: pool, registry: registry, configuration: workerConfiguration, logger: logger)

        var services: [any Service] = []
        if !noMaintenance {
            var rescuer = JobRescuer.Configuration()
            rescuer.staleAfter = .seconds(rescueAfter)
            rescuer.interval = .seconds(min(15, max(rescueAfter / 4, 0.25)))
            services.append(JobRescuer(pool: pool, configuration: rescuer, logger: logger))
            services.append(JobCleaner(pool: pool, logger: logger))
        }
        if !noScheduler {
            services.append(JobScheduler(pool: pool, registry: registry, logger: logger))
        }
        // Last in the list, first to be shut down: the worker stops claiming before maintenance stops.
        services.append(worker)
        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        do {
            try await group.run()
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }
}
