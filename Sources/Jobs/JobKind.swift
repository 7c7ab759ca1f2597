/// A registered kind of job: its name, how often and how long it may run, and its handler.
public struct JobKind: Sendable {
    /// What runs a job: throw `JobCancel` to cancel it, any other error to fail this attempt.
    /// The handler is cancelled (Swift task cancellation) when the job times out, when an operator
    /// cancels it, and when the worker's shutdown grace period runs out: check `Task.isCancelled`
    /// or use cancellable awaits in long loops.
    public typealias Handler = @Sendable (Job, JobContext) async throws -> Void

    /// The name jobs of this kind carry (`match.run`).
    public var name: String
    /// Attempts before the job is discarded (used for jobs enqueued without their own `maxAttempts`
    /// through a `JobQueue` that knows this registry).
    public var maxAttempts: Int
    /// How long one attempt may run before it is cancelled and counted as failed; nil: no limit.
    public var timeout: Duration?
    /// The wait between attempts.
    public var retryPolicy: RetryPolicy
    /// The work.
    public var handler: Handler
}
