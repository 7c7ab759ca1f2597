/// How a `JobWorker` runs: which queues, how many jobs at once, and its timings.
public struct JobWorkerConfiguration: Sendable {
    /// The queues to take jobs from.
    public var queues: [String] = ["default"]
    /// Jobs run at once; the worker never claims more than it has free slots.
    public var concurrency: Int = 16
    /// How often to look for due jobs without a notification (retries, `runAt` in the future, and a
    /// lost LISTEN connection are found this way).
    public var pollInterval: Duration = .seconds(1)
    /// How often running jobs' heartbeats are refreshed (and operators' cancel requests seen).
    /// Keep it well below the rescuer's `staleAfter`.
    public var heartbeatInterval: Duration = .seconds(5)
    /// After SIGTERM/SIGINT: how long running jobs may take to finish before they are cancelled and
    /// released back to the queue.
    public var shutdownGracePeriod: Duration = .seconds(30)
    /// How long cancelled jobs get to stop, and outcomes to be written, before the worker gives up
    /// and leaves what is left to the rescuer.
    public var releaseTimeout: Duration = .seconds(10)
    /// This process's name in `jobs.locked_by`.
    public var workerID: String = WorkerID.make()

    public init() {}
}
