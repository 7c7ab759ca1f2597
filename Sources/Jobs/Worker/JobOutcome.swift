/// How an attempt ended, as the executor classifies it (River's completed / retryable / discarded /
/// cancelled, plus the two ways a worker lets go of a job).
enum JobOutcome: Sendable, Equatable {
    /// The handler returned.
    case completed
    /// The handler threw (or timed out): the job retries after its backoff, or is discarded when this
    /// was its last attempt. `kind` is `error` or `timeout`.
    case failed(error: String, kind: String)
    /// The handler threw `JobCancel`, or an operator cancelled the running job.
    case cancelled(reason: String)
    /// The worker shut down before the job finished: back to the queue, the attempt not counted.
    case released(reason: String)
    /// The job stopped being this worker's (rescued elsewhere): nothing to record.
    case lost
}

/// Why the worker itself cancelled a running job's task.
enum WorkerCancelReason: Sendable {
    case operatorRequest
    case shutdown
    case lost
}
