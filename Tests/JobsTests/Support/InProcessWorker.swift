import Database
import Jobs
import TestSupport

/// Runs a `JobWorker` in this process for the duration of `body`, then shuts it down gracefully.
func withWorker(
    _ db: TestDatabase, registry: JobRegistry,
    configure: (inout JobWorkerConfiguration) -> Void = { _ in },
    _ body: (JobWorker) async throws -> Void
) async throws {
    var configuration = JobWorkerConfiguration()
    configuration.pollInterval = .milliseconds(100)
    configuration.heartbeatInterval = .milliseconds(200)
    configuration.shutdownGracePeriod = .seconds(10)
    configure(&configuration)
    let worker = JobWorker(pool: db.pool, registry: registry, configuration: configuration)
    let task = Task { try await worker.run() }
    do {
        try await body(worker)
    } catch {
        worker.beginShutdown(grace: .zero)
        _ = try? await task.value
        throw error
    }
    worker.beginShutdown(grace: configuration.shutdownGracePeriod)
    try await task.value
}

/// A job's state, attempt and recorded errors.
func jobRecord(_ db: TestDatabase, _ id: Int) async throws -> JobRecord {
    try await JobAdmin(pool: db.pool).show(id)
}
