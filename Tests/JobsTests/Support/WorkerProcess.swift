import Foundation
import TestSupport
import Testing

/// A `wblmatch worker` child process, the real binary from the build directory.
final class WorkerProcess: @unchecked Sendable {
    let child: ChildProcess
    let logURL: URL

    /// The built `wblmatch` (TestSupport).
    static func binary() throws -> URL { try WBLMatchBinary.url() }

    /// Starts `wblmatch worker --test-kinds` with `arguments` against `databaseURL`.
    init(databaseURL: String, arguments: [String], name: String = "worker") throws {
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = databaseURL
        environment["LOG_LEVEL"] = environment["JOBS_TEST_LOG_LEVEL"] ?? "notice"
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("wblmatch-\(name)-\(UUID().uuidString).log")
        child = try ChildProcess(executable: try Self.binary().path, arguments: ["worker", "--test-kinds"] + arguments,
                                 environment: environment, output: logURL.path)
    }

    var pid: Int32 { child.pid }
    var isRunning: Bool { child.isRunning }

    func signal(_ signal: Int32) { child.send(signal) }

    /// Waits for the process to exit (at most `timeout`); returns its exit status, or nil when it is
    /// still running (then it is killed).
    func waitForExit(timeout: Duration = .seconds(60)) async throws -> Int32? {
        if let status = try await child.wait(timeout: timeout) { return status }
        child.send(SIGKILL)
        _ = try await child.wait(timeout: .seconds(10))
        return nil
    }

    /// What the process logged (for failure messages).
    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Kills the process if it still runs and deletes its log.
    func cleanUp() {
        if child.isRunning {
            child.send(SIGKILL)
            while child.isRunning { usleep(10_000) }
        }
        try? FileManager.default.removeItem(at: logURL)
    }
}

struct WorkerProcessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
