import Foundation
import TestSupport

/// A `wblmatch worker` child process: the real binary from the build directory.
final class WorkerProcess: @unchecked Sendable {
    let process = Process()
    let logURL: URL

    /// The built `wblmatch` (TestSupport).
    static func binary() throws -> URL { try WBLMatchBinary.url() }

    init(databaseURL: String, arguments: [String], environment extra: [String: String] = [:], name: String) throws {
        process.executableURL = try Self.binary()
        process.arguments = ["worker"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = databaseURL
        environment["LOG_LEVEL"] = "notice"
        environment["MATCH_NIGHTLY_CRON"] = "off"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("wblmatch-\(name)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill9() }
        }
        try? FileManager.default.removeItem(at: logURL)
    }
}

struct RunTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
