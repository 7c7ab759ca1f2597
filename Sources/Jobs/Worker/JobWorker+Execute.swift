import Logging

/// The executor: runs one attempt and classifies how it ended.
extension JobWorker {
    func execute(_ job: Job) async {
        var logger = self.logger
        logger[metadataKey: "job"] = "\(job.id)"
        logger[metadataKey: "kind"] = "\(job.kind)"
        logger[metadataKey: "attempt"] = "\(job.attempt)"
        let kind = registry.kinds[job.kind]
        let context = JobContext(pool: pool, logger: logger, workerID: configuration.workerID, queue: queue,
                                 job: job, driver: driver)
        let outcome: JobOutcome
        do {
            guard let kind else {
                throw JobsError(.notFound, "worker \(configuration.workerID) has no handler for kind \(job.kind)")
            }
            try await Self.run(kind.handler, job: job, context: context, timeout: kind.timeout)
            outcome = .completed
        } catch let cancel as JobCancel {
            outcome = .cancelled(reason: "cancelled by its handler: \(cancel.reason)")
        } catch let timeout as JobTimeout {
            outcome = .failed(error: "timed out after \(timeout.limit) (the kind's timeout)", kind: "timeout")
        } catch {
            switch cancelReason(job.id) {
            case .operatorRequest:
                outcome = .cancelled(reason: "cancelled by an operator while running")
            case .shutdown:
                outcome = .released(reason: "worker \(configuration.workerID) shut down before the job finished (grace period over)")
            case .lost:
                outcome = .lost
            case nil:
                outcome = .failed(error: Self.describe(error), kind: "error")
            }
        }
        await writer.submit(job, outcome, retryPolicy: kind?.retryPolicy ?? .default)
        finished(job)
    }

    /// Runs `handler`, cancelling it when `timeout` passes first.
    static func run(_ handler: @escaping JobKind.Handler, job: Job, context: JobContext, timeout: Duration?) async throws {
        guard let timeout else {
            try await handler(job, context)
            return
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await handler(job, context) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw JobTimeout(limit: timeout)
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// The error as recorded in `jobs.errors`: its type and what it says.
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        let type = String(describing: Swift.type(of: error))
        return text.hasPrefix(type) ? text : "\(type): \(text)"
    }
}

/// A job ran past its kind's timeout.
struct JobTimeout: Error {
    var limit: Duration
}
