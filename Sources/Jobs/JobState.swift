/// Where a job is in its life (River's states, minus `scheduled`: a job with a future `run_at` is
/// simply `available` later).
public enum JobState: String, Sendable, CaseIterable, Codable {
    /// Waiting for a worker; claimable once `run_at` has passed.
    case available
    /// Claimed by a worker, which sends heartbeats while it runs the job.
    case running
    /// Failed an attempt; waits for its backoff (`run_at`) and then is claimed again.
    case retryable
    /// Done. Kept for a while (the cleaner deletes it later), also so its unique key stays taken.
    case completed
    /// Out of attempts, or discarded by an operator; kept with every error.
    case discarded
    /// Cancelled by its handler (`JobCancel`) or an operator.
    case cancelled

    /// Whether the job will never run again by itself.
    public var isFinal: Bool { self == .completed || self == .discarded || self == .cancelled }
}
