import Foundation

/// The job kinds a worker can run, and the cron schedules that enqueue them.
///
/// A module that owns a kind registers it; the worker command collects every module's kinds:
/// ```swift
/// var registry = JobRegistry()
/// registry.register(kind: "match.run", maxAttempts: 3, timeout: .seconds(1800)) { job, context in
///     let args = try job.args(as: MatchRunArgs.self)
///     try await context.pool.withTransaction { conn in
///         ... write the run ...
///         try await context.complete(on: conn)   // done if and only if this transaction commits
///     }
/// }
/// try registry.schedule(name: "nightly-match", cron: "0 2 * * *", kind: "match.run",
///                       args: MatchRunArgs(kind: .nightly))
/// ```
public struct JobRegistry: Sendable {
    /// The registered kinds by name.
    public private(set) var kinds: [String: JobKind] = [:]
    /// The registered schedules, in registration order.
    public private(set) var schedules: [JobSchedule] = []

    public init() {}

    /// Registers `kind` with its handler. Registering the same name twice is a programming error.
    /// - Parameters:
    ///   - maxAttempts: attempts before the job is discarded (default 25, as River).
    ///   - timeout: how long one attempt may run (default 30 minutes; nil for no limit).
    ///   - retryPolicy: the backoff between attempts.
    public mutating func register(
        kind: String, maxAttempts: Int = 25, timeout: Duration? = .seconds(1800),
        retryPolicy: RetryPolicy = .default, _ handler: @escaping JobKind.Handler
    ) {
        precondition(!kind.isEmpty, "a job kind needs a name")
        precondition(maxAttempts >= 1, "job kind \(kind): maxAttempts must be at least 1")
        precondition(kinds[kind] == nil, "job kind \(kind) is registered twice")
        kinds[kind] = JobKind(name: kind, maxAttempts: maxAttempts, timeout: timeout,
                              retryPolicy: retryPolicy, handler: handler)
    }

    /// Registers `kind` with a handler that receives its args decoded as `Args`.
    public mutating func register<Args: Decodable & Sendable>(
        kind: String, args: Args.Type, maxAttempts: Int = 25, timeout: Duration? = .seconds(1800),
        retryPolicy: RetryPolicy = .default,
        _ handler: @escaping @Sendable (Args, Job, JobContext) async throws -> Void
    ) {
        register(kind: kind, maxAttempts: maxAttempts, timeout: timeout, retryPolicy: retryPolicy) { job, context in
            try await handler(try job.args(as: Args.self), job, context)
        }
    }

    /// Adds a cron schedule that enqueues `kind` with `args` at each tick (see `JobSchedule`).
    public mutating func schedule(
        name: String, cron: String, timeZone: String = "America/Denver", kind: String,
        args: some Encodable & Sendable = [String: String](), queue: String = "default", priority: Int = 2
    ) throws {
        let schedule = try JobSchedule(name: name, cron: cron, timeZone: timeZone, kind: kind,
                                       args: args, queue: queue, priority: priority)
        guard !schedules.contains(where: { $0.name == name }) else {
            throw JobsError(.invalidArgument, "schedule \(name) is registered twice")
        }
        schedules.append(schedule)
    }

    /// The names of the registered kinds, sorted.
    public var kindNames: [String] { kinds.keys.sorted() }
}
