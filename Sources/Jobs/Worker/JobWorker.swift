import Database
import Logging
import ServiceLifecycle
import Synchronization

/// Runs jobs: claims due jobs of its queues (never more than its free slots), runs each with its
/// kind's handler, records every outcome, keeps heartbeats going, wakes on NOTIFY and polls as a
/// fallback. A ServiceLifecycle `Service`:
///
/// ```swift
/// let worker = JobWorker(pool: pool, registry: registry, configuration: configuration, logger: logger)
/// let group = ServiceGroup(configuration: .init(services: [worker, JobRescuer(pool: pool)],
///                                               gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
/// try await group.run()
/// ```
/// On graceful shutdown it stops claiming, lets running jobs finish within the grace period, then
/// cancels the rest and releases them to the queue (attempt not counted), writes every outcome and
/// returns. On task cancellation it does the same with no grace period.
public final class JobWorker: Service, Sendable {
    struct State {
        struct Running {
            var job: Job
            var task: Task<Void, Never>?
            var cancelReason: WorkerCancelReason?
        }
        var running: [Int: Running] = [:]
        var claimWanted = true
        var backlog = false
        var stopping = false
        var graceDeadline: ContinuousClock.Instant?
    }

    public let configuration: JobWorkerConfiguration
    let registry: JobRegistry
    let pool: DatabasePool
    let driver: any JobDriver
    let logger: Logger
    let queue: JobQueue
    let state = Mutex(State())
    let wake = WakeSignal()
    let writer: OutcomeWriter

    /// - Parameters:
    ///   - registry: the kinds this worker runs; it claims only jobs of these kinds.
    public convenience init(pool: DatabasePool, registry: JobRegistry, configuration: JobWorkerConfiguration = .init(),
                            logger: Logger = Logger(label: "wblmatch.jobs.worker")) {
        self.init(pool: pool, registry: registry, configuration: configuration, logger: logger,
                  driver: PostgresJobDriver(pool: pool))
    }

    init(pool: DatabasePool, registry: JobRegistry, configuration: JobWorkerConfiguration, logger: Logger,
         driver: any JobDriver) {
        precondition(configuration.concurrency >= 1, "a worker needs a concurrency of at least 1")
        self.pool = pool
        self.registry = registry
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "worker"] = "\(configuration.workerID)"
        self.logger = logger
        self.driver = driver
        self.queue = JobQueue(pool: pool, registry: registry, driver: driver)
        self.writer = OutcomeWriter(driver: driver, logger: logger)
    }

    public func run() async throws {
        // The work runs in its own task so that cancelling `run` turns into an orderly stop (release,
        // write outcomes) instead of cutting the writes short.
        let work = Task { await self.work() }
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await work.value
            } onGracefulShutdown: {
                self.beginShutdown(grace: self.configuration.shutdownGracePeriod)
            }
        } onCancel: {
            self.beginShutdown(grace: .zero)
        }
    }

    /// Stops claiming; running jobs get `grace` to finish. Calling it again can only shorten the grace.
    public func beginShutdown(grace: Duration) {
        let deadline = ContinuousClock.now + grace
        state.withLock { state in
            state.stopping = true
            state.graceDeadline = min(state.graceDeadline ?? deadline, deadline)
        }
        wake.signal()
    }

    /// How many jobs are running now.
    public var runningCount: Int { state.withLock { $0.running.count } }

    private func work() async {
        logger.info("worker started", metadata: [
            "queues": "\(configuration.queues.joined(separator: ","))", "concurrency": "\(configuration.concurrency)",
            "kinds": "\(registry.kindNames.joined(separator: ","))",
        ])
        let writerTask = Task { await writer.run() }
        let ticker = Task { await tickLoop() }
        let heartbeat = Task { await heartbeatLoop() }
        let listener = Task { await listenLoop() }
        wake.signal()  // claim at once: jobs may be waiting already
        await produceLoop()
        ticker.cancel()
        listener.cancel()
        await drain()
        heartbeat.cancel()
        await writer.stop()
        let deadline = ContinuousClock.now + configuration.releaseTimeout
        while !(await writer.finished), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        let unwritten = await writer.count
        if unwritten > 0 {
            logger.error("stopping with \(unwritten) outcomes unwritten (the database refused them or is unreachable); the rescuer will return those jobs")
        }
        writerTask.cancel()
        logger.info("worker stopped")
    }

    /// Claims whenever there is reason to (a notification, the poll timer, a full previous claim)
    /// and free slots to fill.
    private func produceLoop() async {
        let kinds = registry.kindNames
        while true {
            await wake.wait()
            let (stopping, free, wanted) = state.withLock { state in
                (state.stopping, configuration.concurrency - state.running.count, state.claimWanted)
            }
            if stopping { return }
            guard free > 0, wanted else { continue }
            state.withLock { $0.claimWanted = false }
            do {
                let jobs = try await driver.claim(queues: configuration.queues, kinds: kinds, limit: free,
                                                  worker: configuration.workerID)
                state.withLock { $0.backlog = jobs.count == free }
                for job in jobs.sorted(by: { ($0.priority, $0.runAt, $0.id) < ($1.priority, $1.runAt, $1.id) }) {
                    start(job)
                }
            } catch {
                // The poll timer wakes us again; until then the database may come back.
                state.withLock { $0.claimWanted = true }
                logger.warning("cannot claim jobs; retrying at the next poll", metadata: ["error": "\(error)"])
            }
        }
    }

    private func start(_ job: Job) {
        state.withLock { $0.running[job.id] = State.Running(job: job) }
        let task = Task { await self.execute(job) }
        let cancelNow = state.withLock { state -> Bool in
            guard state.running[job.id] != nil else { return false }
            state.running[job.id]?.task = task
            return state.running[job.id]?.cancelReason != nil
        }
        if cancelNow { task.cancel() }
    }

    /// Called by `execute` once the outcome is handed to the writer: frees the slot.
    func finished(_ job: Job) {
        let wakeProducer = state.withLock { state -> Bool in
            state.running[job.id] = nil
            if state.backlog { state.claimWanted = true }
            return state.backlog
        }
        if wakeProducer { wake.signal() }
    }

    /// Cancels a running job's task, remembering why.
    func cancel(_ id: Int, reason: WorkerCancelReason) {
        let task = state.withLock { state -> Task<Void, Never>? in
            guard state.running[id] != nil, state.running[id]?.cancelReason == nil else { return nil }
            state.running[id]?.cancelReason = reason
            return state.running[id]?.task
        }
        task?.cancel()
    }

    func cancelReason(_ id: Int) -> WorkerCancelReason? {
        state.withLock { $0.running[id]?.cancelReason }
    }

    /// Waits for running jobs until the grace deadline, then cancels (releases) the rest and waits
    /// for them to stop.
    private func drain() async {
        func remaining() -> (count: Int, deadline: ContinuousClock.Instant) {
            state.withLock { ($0.running.count, $0.graceDeadline ?? .now) }
        }
        var (count, deadline) = remaining()
        if count > 0 { logger.info("shutting down: waiting for \(count) running jobs") }
        while count > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
            (count, deadline) = remaining()
        }
        guard count > 0 else { return }
        logger.notice("grace period over: cancelling and releasing \(count) running jobs")
        for id in state.withLock({ Array($0.running.keys) }) { cancel(id, reason: .shutdown) }
        let releaseDeadline = ContinuousClock.now + configuration.releaseTimeout
        while remaining().count > 0, ContinuousClock.now < releaseDeadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        let stuck = remaining().count
        if stuck > 0 {
            logger.error("\(stuck) jobs ignored cancellation; leaving them to the rescuer")
        }
    }

    /// Asks the producer to claim (poll timer, notification).
    func wantClaim() {
        state.withLock { $0.claimWanted = true }
        wake.signal()
    }

    private func tickLoop() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: configuration.pollInterval) } catch { return }
            wantClaim()
        }
    }

    private func listenLoop() async {
        let queues = Set(configuration.queues)
        while !Task.isCancelled {
            do {
                // The pool's listener reconnects by itself after a lost connection.
                for try await note in try await pool.listen(JobQueries.channel) where queues.contains(note.payload) {
                    wantClaim()
                }
                return
            } catch {
                logger.warning("cannot LISTEN for new jobs; polling until it works", metadata: ["error": "\(error)"])
                do { try await Task.sleep(for: .seconds(1)) } catch { return }
            }
        }
    }
}
