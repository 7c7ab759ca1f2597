import Foundation

/// A `wblmatch worker` child process: the real binary from the build directory.
final class WorkerProcess: @unchecked Sendable {
    let process = Process()
    let logURL: URL

    /// The built `wblmatch`: $WBLMATCH_BIN, else beside the test bundle, else .build/debug of this checkout.
    static func binary() throws -> URL {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["WBLMATCH_BIN"] { candidates.append(URL(fileURLWithPath: path)) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wblmatch"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/wblmatch"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        throw RunTestError("the wblmatch binary is not built (looked at \(candidates.map(\.path).joined(separator: ", "))): run `swift build --build-tests` or set WBLMATCH_BIN")
    }

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
