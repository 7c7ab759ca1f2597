import Foundation

/// The built `wblmatch` executable, for tests that run it as a user (or a worker) would.
public enum WBLMatchBinary {
    /// $WBLMATCH_BIN, else beside the test bundle, else .build/debug of this checkout.
    public static func url() throws -> URL {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["WBLMATCH_BIN"] { candidates.append(URL(fileURLWithPath: path)) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wblmatch"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("wblmatch"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/wblmatch"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        throw NotBuilt(candidates: candidates)
    }

    /// Runs `wblmatch ARGUMENTS` against `databaseURL` to completion; returns its exit status, stdout and stderr.
    public static func run(_ arguments: [String], databaseURL: String) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = try url()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = databaseURL
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// No built binary where one was looked for.
    public struct NotBuilt: Error, CustomStringConvertible {
        public let candidates: [URL]
        public var description: String {
            "the wblmatch binary is not built (looked at \(candidates.map(\.path).joined(separator: ", "))): run `swift build --build-tests` or set WBLMATCH_BIN"
        }
    }
}
