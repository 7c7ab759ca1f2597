import Database
import Logging
import ServiceLifecycle

/// Returns the jobs of dead workers to the queue: a running job whose heartbeat is older than
/// `staleAfter` becomes retryable (its attempt counted, an error recorded), or discarded when it
/// was its last attempt, or cancelled when an operator had asked for that. Safe to run in every
/// worker process at once (`FOR UPDATE SKIP LOCKED`).
public final class JobRescuer: Service, Sendable {
    /// Timings of the rescuer.
    public struct Configuration: Sendable {
        /// How often to look.
        public var interval: Duration = .seconds(15)
        /// A running job without a heartbeat for this long belongs to a dead worker. Keep it several
        /// times the workers' `heartbeatInterval`, and longer than a database restart takes.
        public var staleAfter: Duration = .seconds(60)
        /// Jobs rescued per statement.
        public var batchSize: Int = 1000
        public init() {}
    }

    public let configuration: Configuration
    let driver: any JobDriver
    let logger: Logger

    public init(pool: DatabasePool, configuration: Configuration = .init(),
                logger: Logger = Logger(label: "wblmatch.jobs.rescuer")) {
        self.configuration = configuration
        self.driver = PostgresJobDriver(pool: pool)
        self.logger = logger
    }

    /// Rescues what is stale now; returns the jobs it rescued.
    @discardableResult
    public func rescueOnce() async throws -> [RescuedJob] {
        var all: [RescuedJob] = []
        while true {
            let rescued = try await driver.rescue(staleAfter: configuration.staleAfter, limit: configuration.batchSize)
            for job in rescued {
                logger.warning("rescued a job from a worker that stopped sending heartbeats", metadata: [
                    "job": "\(job.id)", "kind": "\(job.kind)", "state": "\(job.state.rawValue)", "from": "\(job.worker ?? "?")",
                ])
            }
            all += rescued
            if rescued.count < configuration.batchSize { return all }
        }
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await self.rescueOnce() } catch {
                    self.logger.warning("rescue failed; will try again", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: self.configuration.interval)
            }
        }
    }
}
