import Foundation
import Testing

/// A `wblmatch worker` child process, the real binary from the build directory.
final class WorkerProcess: @unchecked Sendable {
    let process = Process()
    let logURL: URL

    /// The built `wblmatch`: $WBLMATCH_BIN, else beside the test bundle, else .build/debug of this checkout.
    static func binary() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [URL] = []
        if let path = environment["WBLMATCH_BIN"] { candidates.append(URL(fileURLWithPath: path)) }
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(bundleDirectory.appendingPathComponent("wblmatch"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("wblmatch"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/wblmatch"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw WorkerProcessError("the wblmatch binary is not built (looked at \(candidates.map(\.path).joined(separator: ", "))): run `swift build --build-tests` or set WBLMATCH_BIN")
    }

    /// Starts `wblmatch worker --test-kinds` with `arguments` against `databaseURL`.
    init(databaseURL: String, arguments: [String], name: String = "worker") throws {
        process.executableURL = try Self.binary()
        process.arguments = ["worker", "--test-kinds"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = databaseURL
        environment["LOG_LEVEL"] = environment["JOBS_TEST_LOG_LEVEL"] ?? "notice"
        process.environment = environment
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("wblmatch-\(name)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the process to exit (at most `timeout`); returns its exit status, or nil when it is
    /// still running (then it is killed).
    func waitForExit(timeout: Duration = .seconds(60)) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    /// What the process logged (for failure messages).
    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Kills the process if it still runs and deletes its log.
    func cleanUp() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: logURL)
    }
}

struct WorkerProcessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
