import Dispatch
import Foundation

/// Runs a helper program of the repository (scripts/smtp, the Python MIME parser) and returns its stdout.
///
/// The process is waited for on a Dispatch thread, never on Swift's cooperative pool, so tests
/// running in parallel cannot starve each other.
enum Command {
    /// The checkout's root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Failed: Error, CustomStringConvertible {
        var command: String
        var status: Int32
        var stderr: String
        var description: String { "`\(command)` exited with \(status): \(stderr)" }
    }

    private static let queue = DispatchQueue(label: "wblmatch.mailtests.command", attributes: .concurrent)

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try runBlocking(executable, arguments) }) }
        }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : root.appendingPathComponent(executable).path)
        process.arguments = arguments
        process.currentDirectoryURL = root
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("wbl-cmd-\(UUID().uuidString).out")
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("wbl-cmd-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        // Files, not pipes: a long-lived grandchild (the SMTP server) can never hold our reader open.
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stdout = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failed(command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus,
                         stderr: String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self))
        }
        return stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
