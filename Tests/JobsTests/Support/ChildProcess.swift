import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn and reaped with waitpid. (Foundation's `Process` did not
/// notice its children exit inside the test runner here, and the tests must know exit statuses.)
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    private let lock = NSLock()
    private var status: Int32?

    /// Starts `executable` with `arguments` and `environment`; stdout and stderr go to `output`
    /// (a file path), stdin is /dev/null.
    init(executable: String, arguments: [String], environment: [String: String], output: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard result == 0 else {
            throw WorkerProcessError("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    /// The exit status once the process has exited (-signal when a signal ended it), else nil.
    var exitStatus: Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let status { return status }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return nil }
        let signal = raw & 0x7f
        status = signal == 0 ? (raw >> 8) & 0xff : -signal
        return status
    }

    var isRunning: Bool { exitStatus == nil }

    func send(_ signal: Int32) { if isRunning { kill(pid, signal) } }

    /// Waits at most `timeout` for the exit; nil when it still runs.
    func wait(timeout: Duration) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = exitStatus { return status }
            try await Task.sleep(for: .milliseconds(20))
        }
        return exitStatus
    }

    /// Runs to completion (at most two minutes) and returns the exit status.
    static func run(_ executable: String, _ arguments: [String], output: String) async throws -> Int32 {
        let child = try ChildProcess(executable: executable, arguments: arguments,
                                     environment: ProcessInfo.processInfo.environment, output: output)
        if let status = try await child.wait(timeout: .seconds(120)) { return status }
        child.send(SIGKILL)
        throw WorkerProcessError("\(executable) \(arguments.joined(separator: " ")) did not finish within two minutes")
    }
}
