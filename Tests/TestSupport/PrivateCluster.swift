import Foundation

/// A PostgreSQL cluster of its own, run by `scripts/pg` with a separate state directory
/// (`.local/pg-NAME`), for tests that stop or restart the server and must not disturb other suites.
public struct PrivateCluster: Sendable {
    /// The checkout's root (found from this file's path).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The state directory name under `.local/`.
    public let name: String

    /// Names a cluster; nothing starts until `start()`.
    public init(name: String) { self.name = name }

    /// Starts the cluster (initialising it the first time) and returns its URL.
    public func start() async throws -> String { try await pg("start") }
    /// Stops and starts the server: every connection to it is closed.
    public func restart() async throws { _ = try await pg("restart") }
    /// The cluster's URL (as `scripts/pg url` prints it).
    public func url() async throws -> String { try await pg("url") }
    /// Stops the server.
    public func stop() async throws { _ = try await pg("stop") }

    private func pg(_ command: String) async throws -> String {
        let script = Self.root.appendingPathComponent("scripts/pg").path
        let state = Self.root.appendingPathComponent(".local/pg-\(name)").path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("wblmatch-pg-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: output + ".out")
            try? FileManager.default.removeItem(atPath: output + ".err")
        }
        // posix_spawn and waitpid on a Dispatch thread, not Foundation's Process: Process waits for
        // descriptors that the server `scripts/pg` starts may keep open, and would never finish.
        let arguments = ["/bin/sh", "-c", "WBLMATCH_PG_STATE=\"$1\" exec \"$2\" \"$3\" >\"$4.out\" 2>\"$4.err\" </dev/null",
                         "sh", state, script, command, output]
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                var pid: pid_t = 0
                let argv = arguments.map { strdup($0) } + [nil]
                defer { argv.forEach { free($0) } }
                let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
                guard spawned == 0 else {
                    continuation.resume(throwing: ClusterError(message: "cannot start /bin/sh for scripts/pg: errno \(spawned)"))
                    return
                }
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                continuation.resume(returning: status)
            }
        }
        let text = (try? String(contentsOfFile: output + ".out", encoding: .utf8)) ?? ""
        guard status == 0 else {
            let message = (try? String(contentsOfFile: output + ".err", encoding: .utf8)) ?? ""
            throw ClusterError(message: "scripts/pg \(command) for the private cluster \(name) failed (wait status \(status)): \(message)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `scripts/pg` failed; the message carries its output.
    public struct ClusterError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
