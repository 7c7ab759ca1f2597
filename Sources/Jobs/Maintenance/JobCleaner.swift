import Database
import Logging
import ServiceLifecycle

/// Deletes finished jobs once they are old enough (River's cleaner): completed after a day,
/// cancelled after a week, discarded after four weeks by default, so failures stay visible for a while.
public final class JobCleaner: Service, Sendable {
    /// Retention and timing of the cleaner.
    public struct Configuration: Sendable {
        public var interval: Duration = .seconds(300)
        public var completedRetention: Duration = .seconds(24 * 3600)
        public var cancelledRetention: Duration = .seconds(7 * 24 * 3600)
        public var discardedRetention: Duration = .seconds(28 * 24 * 3600)
        /// Rows deleted per statement.
        public var batchSize: Int = 5000
        public init() {}
    }

    public let configuration: Configuration
    let driver: any JobDriver
    let logger: Logger

    public init(pool: DatabasePool, configuration: Configuration = .init(),
                logger: Logger = Logger(label: "wblmatch.jobs.cleaner")) {
        self.configuration = configuration
        self.driver = PostgresJobDriver(pool: pool)
        self.logger = logger
    }

    /// Deletes what is due now; returns how many jobs it deleted.
    @discardableResult
    public func cleanOnce() async throws -> Int {
        var total = 0
        while true {
            let deleted = try await driver.clean(
                completedAfter: configuration.completedRetention, cancelledAfter: configuration.cancelledRetention,
                discardedAfter: configuration.discardedRetention, limit: configuration.batchSize)
            total += deleted
            if deleted < configuration.batchSize { break }
        }
        if total > 0 { logger.info("deleted \(total) finished jobs past their retention") }
        return total
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await self.cleanOnce() } catch {
                    self.logger.warning("cleaning failed; will try again", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: self.configuration.interval)
            }
        }
    }
}
