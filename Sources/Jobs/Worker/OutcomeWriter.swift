import Logging

/// Writes attempts' outcomes to the database: completions in batches (one statement for all that
/// finished meanwhile, as River's batch completer), the rest one by one; keeps retrying through
/// database outages until the worker stops.
actor OutcomeWriter {
    private enum Write: Sendable {
        case fail(state: JobState, retryIn: Duration, error: String, kind: String)
        case cancel(reason: String)
        case release(reason: String)
    }

    private let driver: any JobDriver
    private let logger: Logger
    private var completions: [(id: Int, attempt: Int)] = []
    private var others: [(job: Job, write: Write)] = []
    private(set) var pendingIDs: Set<Int> = []
    private var stopping = false
    private(set) var finished = false
    private let wake = WakeSignal()

    init(driver: any JobDriver, logger: Logger) {
        self.driver = driver
        self.logger = logger
    }

    /// Queues the outcome of `job`'s attempt; `kind` supplies the backoff.
    func submit(_ job: Job, _ outcome: JobOutcome, retryPolicy: RetryPolicy) {
        switch outcome {
        case .completed:
            completions.append((job.id, job.attempt))
        case .failed(let error, let kind):
            if job.attempt >= job.maxAttempts {
                logger.error("job discarded after its last attempt", metadata: Self.metadata(job, error))
                others.append((job, .fail(state: .discarded, retryIn: .zero, error: error, kind: kind)))
            } else {
                let delay = retryPolicy.delay(afterAttempt: job.attempt)
                logger.warning("job failed; retrying in \(delay)", metadata: Self.metadata(job, error))
                others.append((job, .fail(state: .retryable, retryIn: delay, error: error, kind: kind)))
            }
        case .cancelled(let reason):
            logger.notice("job cancelled", metadata: Self.metadata(job, reason))
            others.append((job, .cancel(reason: reason)))
        case .released(let reason):
            logger.notice("job released", metadata: Self.metadata(job, reason))
            others.append((job, .release(reason: reason)))
        case .lost:
            logger.warning("job is no longer this worker's (rescued or cancelled elsewhere)", metadata: Self.metadata(job, ""))
            return
        }
        pendingIDs.insert(job.id)
        wake.signal()
    }

    /// Writes until `stop()` was called and nothing is left.
    func run() async {
        var failures = 0
        while !(stopping && isEmpty) {
            if isEmpty {
                await wake.wait()
                continue
            }
            if await flush() {
                failures = 0
            } else {
                failures += 1
                try? await Task.sleep(for: .milliseconds(min(5000, 50 << min(failures, 7))))
            }
        }
        finished = true
    }

    /// Asks `run()` to return once everything is written.
    func stop() {
        stopping = true
        wake.signal()
    }

    /// Outcomes not yet written.
    var count: Int { completions.count + others.count }

    private var isEmpty: Bool { completions.isEmpty && others.isEmpty }

    /// Writes what is queued; false when the database refused (the rest stays queued).
    private func flush() async -> Bool {
        if !completions.isEmpty {
            let batch = Array(completions.prefix(2000))
            completions.removeFirst(batch.count)
            do {
                _ = try await driver.complete(batch)
                for done in batch { pendingIDs.remove(done.id) }
            } catch {
                completions.insert(contentsOf: batch, at: 0)
                logger.warning("cannot record completed jobs yet; will retry", metadata: ["error": "\(error)", "jobs": "\(batch.count)"])
                return false
            }
        }
        while let (job, write) = others.first {
            do {
                switch write {
                case .fail(let state, let retryIn, let error, let kind):
                    _ = try await driver.fail(id: job.id, attempt: job.attempt, state: state, retryIn: retryIn,
                                              error: error, errorKind: kind)
                case .cancel(let reason):
                    _ = try await driver.cancelRunning(id: job.id, attempt: job.attempt, reason: reason)
                case .release(let reason):
                    _ = try await driver.release(id: job.id, attempt: job.attempt, reason: reason)
                }
            } catch {
                logger.warning("cannot record a job's outcome yet; will retry", metadata: Self.metadata(job, "\(error)"))
                return false
            }
            others.removeFirst()
            pendingIDs.remove(job.id)
        }
        return true
    }

    static func metadata(_ job: Job, _ detail: String) -> Logger.Metadata {
        ["job": "\(job.id)", "kind": "\(job.kind)", "attempt": "\(job.attempt)/\(job.maxAttempts)", "detail": "\(detail)"]
    }
}
