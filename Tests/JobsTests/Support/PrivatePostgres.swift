import Database
import Foundation
import Migrations

/// A PostgreSQL cluster of its own for a test that restarts the server (restarting the shared one
/// would break every other suite running in parallel). Started with initdb/pg_ctl like scripts/pg;
/// as root, the server runs as the `postgres` OS user.
final class PrivatePostgres: @unchecked Sendable {
    let directory: URL
    let port: Int
    let binaries: URL

    var url: String { "postgresql://postgres@127.0.0.1:\(port)/wblmatch" }
    private var dataDirectory: String { directory.appendingPathComponent("data").path }

    private init(directory: URL, port: Int, binaries: URL) {
        self.directory = directory
        self.port = port
        self.binaries = binaries
    }

    /// Initialises, starts and migrates a new cluster.
    static func start() async throws -> PrivatePostgres {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path))?
            .compactMap(Int.init).sorted() ?? []
        guard let version = versions.last else {
            throw WorkerProcessError("no PostgreSQL server under /usr/lib/postgresql: run scripts/setup")
        }
        let binaries = root.appendingPathComponent("\(version)/bin")
        let directory = URL(fileURLWithPath: "/tmp/wblmatch-jobs-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if getuid() == 0 { try await run("/bin/chown", ["-R", "postgres:", directory.path]) }
        var lastError: (any Error)?
        for _ in 0..<5 {
            let cluster = PrivatePostgres(directory: directory, port: Int.random(in: 40_000..<60_000), binaries: binaries)
            do {
                try await cluster.initialise()
                try await cluster.pgctl(["start", "-w", "-t", "60"])
                try await run(binaries.appendingPathComponent("createdb").path,
                        ["-h", "127.0.0.1", "-p", "\(cluster.port)", "-U", "postgres", "wblmatch"])
                let pool = DatabasePool(url: cluster.url, size: 1)
                _ = try await Migrator(pool: pool, migrations: EmbeddedMigrations.all).migrate()
                await pool.close()
                return cluster
            } catch {
                lastError = error
                try? await cluster.pgctl(["stop", "-m", "immediate"])
            }
        }
        throw lastError ?? WorkerProcessError("could not start a private PostgreSQL")
    }

    private func initialise() async throws {
        guard !FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION") else { return }
        try await asPostgres(binaries.appendingPathComponent("initdb").path,
                       ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"])
    }

    private func pgctl(_ arguments: [String]) async throws {
        let options = "-p \(port) -c listen_addresses=127.0.0.1 -c unix_socket_directories=\(directory.path) -c fsync=off -c synchronous_commit=off -c max_connections=200"
        try await asPostgres(binaries.appendingPathComponent("pg_ctl").path,
                       ["-D", dataDirectory, "-l", directory.appendingPathComponent("server.log").path, "-o", options] + arguments)
    }

    /// Stops the server (fast: connections are cut) and starts it again.
    func restart() async throws {
        try await pgctl(["restart", "-m", "fast", "-w", "-t", "60"])
    }

    /// Stops the server and deletes the cluster.
    func destroy() async {
        try? await pgctl(["stop", "-m", "immediate", "-w"])
        try? FileManager.default.removeItem(at: directory)
    }

    private func asPostgres(_ executable: String, _ arguments: [String]) async throws {
        if getuid() == 0 {
            try await Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", executable] + arguments)
        } else {
            try await Self.run(executable, arguments)
        }
    }

    private static func run(_ executable: String, _ arguments: [String]) async throws {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("wblmatch-pg-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let status = try await ChildProcess.run(executable, arguments, output: outputPath)
        guard status == 0 else {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw WorkerProcessError("\(executable) \(arguments.joined(separator: " ")) failed (\(status)): \(text)")
        }
    }
}
